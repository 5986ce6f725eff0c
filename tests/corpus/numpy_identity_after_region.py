"""A numpy array a region writes is the program's own object after the region: its
name, and every alias of it, see the later writes (the array was staged for the
region: its copy in shared memory must not become the name's value)."""

import numpy as np


def inner_reduction(base):
    acc = np.zeros_like(base)
    orig = acc
    # omp parallel
    if True:
        # omp for reduction(+:acc) schedule(static)
        for k in range(4):
            acc += base + k
    # omp end parallel
    same = acc is orig
    acc += 1
    return same, float(orig.sum()), float(acc.sum())


def augmented_in_single(a):
    keep = a
    # omp parallel
    if True:
        # omp single
        a += 2
    # omp end parallel
    same = a is keep
    a *= 3
    return same, float(keep.sum())


def stores_and_view(out):
    view = out[2:6]
    before = view
    # omp parallel for schedule(static)
    for i in range(len(out)):
        out[i] = i * 0.5
    view[0] = -1.0
    return view is before, float(out.sum()), float(out[2])


base = np.arange(1000) * 0.5
print(inner_reduction(base))
print(augmented_in_single(np.ones(64)))
print(stores_and_view(np.zeros(16)))
