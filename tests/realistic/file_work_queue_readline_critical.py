"""A work list read line by line from a file opened before the region, each line
taken under critical (the file as a work queue). Each fork-backend thread has its
own copy of the file's buffer, so omppy refuses it, naming the file."""

import os
import tempfile

tmp = tempfile.mkdtemp()
path = os.path.join(tmp, "jobs.txt")
with open(path, "w") as g:
    for i in range(200):
        g.write(f"{i} {i * 3 % 17}\n")
jobs = open(path)  # noqa: SIM115
total = 0
seen = [0] * 200
# omp parallel for reduction(+:total)
for k in range(200):
    # omp critical
    line = jobs.readline()
    i, v = map(int, line.split())
    seen[i] = 1
    total += v
jobs.close()
os.remove(path)
os.rmdir(tmp)
print(total, sum(seen))
