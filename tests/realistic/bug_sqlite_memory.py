"""NOW AN ERROR (minimal, from sqlite_results_critical): rows inserted into an
in-memory sqlite3 database under critical: each process had its own copy of the
database, so only the master's rows remained: python `(8, 140)`, omppy at 2
threads `(4, 14)` (exit 0). A connection changed in a region is now refused by
name (DatabaseShadow)."""

import sqlite3

db = sqlite3.connect(":memory:")
db.execute("create table r (i int, v int)")
# omp parallel for
for i in range(8):
    # omp critical
    db.execute("insert into r values (?, ?)", (i, i * i))
    # omp end critical
print(db.execute("select count(*), sum(v) from r").fetchone())
