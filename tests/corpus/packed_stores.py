"""Long runs of numbers stored into shared lists with numpy loaded, which the runtime
carries as machine words (session 8): ordered runs of ints (negative, past 2**31, at
the int64 limits and one past them), floats (-0.0, inf, nan), runs that stay objects
(bools among ints, an int subclass, numpy scalars), negative indices, the same thread
storing twice, stores read back in the same loop, runs under a dynamic schedule
(several per thread, and many: a masked change), a list that grows in `single`, and
a dict filled in iteration order under static and dynamic schedules."""

import math

import numpy as np

n = 6_000
squares = [0] * n
# omp parallel for schedule(static)
for i in range(n):
    squares[i] = (i - 3_000) * 1_000_003 * (-1) ** i
print(sum(squares), squares[:4], squares[-3:])

limits = [0] * n
# omp parallel for schedule(static)
for i in range(n):
    if i == n - 1:
        limits[i] = 2**63  # one past int64 in the last run: that run stays objects
    elif i % 3 == 0:
        limits[i] = 2**63 - 1 - i
    elif i % 3 == 1:
        limits[i] = -(2**63) + i
    else:
        limits[i] = -(2**63) if i == 2 else i
print(limits[:6], limits[-4:], type(limits[-1]).__name__)

floats = [0.0] * n
# omp parallel for schedule(static)
for i in range(n):
    if i % 1000 == 1:
        floats[i] = -0.0
    elif i % 1000 == 2:
        floats[i] = math.inf
    elif i % 1000 == 3:
        floats[i] = math.nan
    else:
        floats[i] = i / 7
print(floats[:5], [math.copysign(1.0, floats[k]) for k in (1, 1001)], round(sum(floats[4:1000]), 6))

mixed = [0] * n
# omp parallel for schedule(static)
for i in range(n):
    mixed[i] = (i % 2 == 0) if i % 500 == 7 else i


class Tag(int):
    pass


tags = [0] * n
scalars = [0] * n
# omp parallel for schedule(static)
for i in range(n):
    tags[i] = Tag(i) if i % 700 == 5 else i
    scalars[i] = np.int64(i) if i % 900 == 11 else float(i)
print([type(mixed[k]).__name__ for k in (6, 7, 507)], type(tags[5]).__name__, type(tags[6]).__name__)
print(type(scalars[11]).__name__, type(scalars[12]).__name__, sum(tags), sum(scalars))

backwards = [0] * n
# omp parallel for schedule(static)
for i in range(n):
    backwards[-(i + 1)] = i * 3
    backwards[-(i + 1)] = i * 5  # the same thread storing twice: the last one stays
print(backwards[:3], backwards[-3:])

running = [1] * n
# omp parallel for schedule(static, 1000)
for start in range(0, n, 1000):
    for i in range(start + 1, start + 1000):
        running[i] = running[i - 1] * 3 % 1_000_003
print(running[998:1003], sum(running))

chunks = [0] * n
# omp parallel for schedule(dynamic, 700)
for i in range(n):
    chunks[i] = -i * i
scattered = [0.5] * n
# omp parallel for schedule(dynamic, 1)
for i in range(n):
    scattered[i] = i * 0.25
print(sum(chunks), chunks[699:702], sum(scattered), scattered[-2:])

grown = list(range(10))
# omp parallel
if True:
    # omp single
    grown.extend(k * 1.5 for k in range(2_000))
print(len(grown), grown[9:12], sum(grown))

for schedule_name in ("static", "dynamic"):
    seen = {}
    if schedule_name == "static":
        # omp parallel for schedule(static)
        for i in range(2_000):
            seen[f"k{i * 7 % 2_000}"] = i * 1.0
    else:
        # omp parallel for schedule(dynamic, 50)
        for i in range(2_000):
            seen[f"k{i * 7 % 2_000}"] = i * 1.0
    print(schedule_name, list(seen)[:5], list(seen)[-3:], sum(seen.values()))
