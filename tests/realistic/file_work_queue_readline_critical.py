"""A jobs file as a work queue: the header is read before the region, then every
thread takes the next line with readline() under critical until the file is empty;
results are collected under critical and the file is read on after the region."""

import os
import tempfile

tmp = tempfile.mkdtemp()
path = os.path.join(tmp, "jobs.txt")
with open(path, "w") as f:
    f.write("# id size weight\n")
    for i in range(400):
        f.write(f"{i} {(i * 37) % 101} {(i * 13) % 7}\n")
    f.write("# end\n")

jobs = open(path)  # noqa: SIM115
header = jobs.readline().split()[1:]
results = {}
taken = 0
# omp parallel private(line, ident, size, weight, value)
while True:
    # omp critical
    line = jobs.readline()
    if not line or line.startswith("#"):
        break
    # omp end critical
    ident, size, weight = (int(x) for x in line.split())
    value = size * size + weight
    # omp critical
    results[ident] = value
    taken += 1
    # omp end critical
rest = jobs.read()
jobs.close()
print(header, taken, len(results), sum(results.values()), min(results), max(results))
print(repr(rest))
os.remove(path)
os.rmdir(tmp)
