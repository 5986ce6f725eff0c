"""Results inserted into an in-memory sqlite3 database under critical, queried after
the loop (an ETL script's shape). Each thread of a fork-based team has its own copy
of the connection, so omppy must refuse it (an error naming the connection), not
keep one thread's rows."""

import sqlite3

db = sqlite3.connect(":memory:")
db.execute("create table results (i integer, v integer)")

# omp parallel for
for i in range(40):
    v = sum(k * i for k in range(100)) % 1009
    # omp critical
    db.execute("insert into results values (?, ?)", (i, v))
    # omp end critical

print(db.execute("select count(*), sum(v) from results").fetchone())
