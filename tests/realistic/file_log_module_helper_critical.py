"""A program logs through a small log module (`rlib.applog`: the file lives in that
module's globals) from a helper, under critical and under ordered; the log is read
back after the region."""

import os
import tempfile

from rlib import applog

tmp = tempfile.mkdtemp()
path = os.path.join(tmp, "app.log")


def score(i):
    return (i * 7919) % 97


def record(i, s):
    applog.note("item", i, "score", s)


applog.start(path)
results = [0] * 150
# omp parallel for schedule(dynamic, 3)
for i in range(150):
    s = score(i)
    results[i] = s
    if s % 5 == 0:
        # omp critical
        record(i, s)
# omp parallel for ordered schedule(static, 2)
for i in range(60):
    # omp ordered
    applog.note("ordered", i, score(i))
applog.stop()

with open(path) as f:
    lines = f.read().splitlines()
items = sorted(lines[1:-61], key=lambda line: int(line.split()[1]))
print(lines[0], lines[-1], len(lines))
print(len(items), items[:3], sum(int(line.split()[3]) for line in items))
print(lines[-61:-58], lines[-61:-1] == [f"ordered {i} {score(i)}" for i in range(60)])
print(sum(results))
os.remove(path)
os.rmdir(tmp)
