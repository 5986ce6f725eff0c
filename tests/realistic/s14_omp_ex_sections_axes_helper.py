"""Port of the OpenMP Examples' sections (psections.1: XAXIS, YAXIS, ZAXIS in three
sections): each axis routine registers its grid lines in a shared dict through a
common helper under critical; the first section is slow."""
import time

lines = {}


def add_line(axis, i):
    # omp critical
    lines[f"{axis}{i}"] = axis
    # omp end critical


def xaxis():
    time.sleep(0.2)
    for i in (2, 1):
        add_line("x", i)


def yaxis():
    for i in (1, 2):
        add_line("y", i)


def zaxis():
    add_line("z", 0)


# omp parallel sections
# omp section
xaxis()
# omp section
yaxis()
# omp section
zaxis()
# omp end parallel sections
print(sorted(lines.items()))
