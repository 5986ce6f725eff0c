"""OpenMP Examples sections.1, ported: XAXIS, YAXIS and ZAXIS computed by three
sections, each filling its own list of a shared dict of axes."""

import math

axes = {"x": [], "y": [], "z": []}


def xaxis():
    axes["x"].extend(round(math.cos(t / 10), 6) for t in range(30))


def yaxis():
    axes["y"].extend(round(math.sin(t / 10), 6) for t in range(30))


def zaxis():
    axes["z"].extend(t / 30 for t in range(30))


# omp parallel sections
# omp section
xaxis()
# omp section
yaxis()
# omp section
zaxis()
# omp end parallel sections

print(len(axes["x"]), sum(axes["x"]), sum(axes["y"]), sum(axes["z"]))
print(list(axes))
