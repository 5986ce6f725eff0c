"""A helper stores each result into a module-level list by index (`distances[i] = d`),
and another helper fills a module-level dict by key."""

import math

points = [((i * 17) % 23, (i * 29) % 31) for i in range(120)]
distances = [0.0] * len(points)
labels = {}


def score(i):
    x, y = points[i]
    distances[i] = round(math.hypot(x - 11, y - 15), 6)


def label(i):
    labels[i] = "near" if distances[i] < 10 else "far"


# omp parallel
if True:
    # omp for
    for i in range(len(points)):
        score(i)
    # omp for schedule(dynamic, 8)
    for i in range(len(points)):
        label(i)

print(round(sum(distances), 4), distances[:5])
print(sum(1 for v in labels.values() if v == "near"), [labels[i] for i in range(8)])
