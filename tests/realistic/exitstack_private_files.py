"""Reading data files written before the region: each iteration opens two files with
`contextlib.ExitStack` and a `with open(...)`, and computes a checksum of both."""

import contextlib
import os
import tempfile

tmp = tempfile.mkdtemp()
paths = []
for k in range(12):
    path = os.path.join(tmp, f"part{k}.txt")
    with open(path, "w") as f:
        for j in range(50):
            f.write(f"{k} {j} {(k * j) % 13}\n")
    paths.append(path)

checks = [0] * 11
lines = [0] * 11
# omp parallel for
for k in range(11):
    with contextlib.ExitStack() as stack:
        a = stack.enter_context(open(paths[k]))
        b = stack.enter_context(open(paths[k + 1]))
        total = 0
        count = 0
        for la, lb in zip(a, b):
            total += int(la.split()[2]) * int(lb.split()[2])
            count += 1
    checks[k] = total
    lines[k] = count
for p in paths:
    os.remove(p)
os.rmdir(tmp)
print(checks, sum(lines))
