"""Results written to a CSV file opened before the region: a header first, then one
row per item under critical (through a logger object holding the file) and a
summary file written in `ordered`; the files are read back after the region."""

import csv
import os
import tempfile

tmp = tempfile.mkdtemp()
rows_path = os.path.join(tmp, "rows.csv")
summary_path = os.path.join(tmp, "summary.txt")


class Logger:
    def __init__(self, path):
        self.fh = open(path, "w", newline="")  # noqa: SIM115
        self.out = csv.writer(self.fh)
        self.out.writerow(["item", "value", "ok"])
        self.rows = 0

    def row(self, *fields):
        self.out.writerow(fields)
        self.rows += 1


log = Logger(rows_path)
summary = open(summary_path, "w")  # noqa: SIM115
summary.write("# running totals\n")
# omp parallel for ordered schedule(dynamic, 4)
for i in range(120):
    v = (i * 7919) % 113
    # omp critical
    log.row(i, v, v % 3 == 0)
    # omp ordered
    summary.write(f"{i}:{v}\n")
log.fh.close()
summary.close()
with open(rows_path, newline="") as f:
    table = list(csv.reader(f))
with open(summary_path) as f:
    lines = f.read().splitlines()
body = sorted(table[1:], key=lambda r: int(r[0]))
print(table[0], len(body), body[:3], sum(int(r[1]) for r in body), log.rows)
print(len(lines), lines[:3], lines == ["# running totals"] + [f"{i}:{(i * 7919) % 113}" for i in range(120)])
for p in (rows_path, summary_path):
    os.remove(p)
os.rmdir(tmp)
