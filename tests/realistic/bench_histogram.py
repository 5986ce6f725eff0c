"""The histogram kernel of the classic OpenMP teaching codes and benchmark suites
(e.g. the Parboil "histo" and the OpenMP tutorials' histogram exercise), in three
forms: an array reduction on a numpy histogram, per-bin `atomic` updates of a shared
list, and per-thread private histograms merged under `critical` (the manual form of
the reduction), on the same pseudo-random data."""

import random

import numpy as np

NBINS = 32
N = 20000


def data():
    random.seed(17)
    return [random.gauss(0.0, 1.0) for _ in range(N)]


def bin_of(v):
    b = int((v + 4.0) / 8.0 * NBINS)
    return min(max(b, 0), NBINS - 1)


def histogram_reduction(xs):
    hist = np.zeros(NBINS, dtype=np.int64)
    # omp parallel for reduction(+: hist)
    for i in range(len(xs)):
        hist[bin_of(xs[i])] += 1
    return hist.tolist()


def histogram_atomic(xs):
    hist = [0] * NBINS
    # omp parallel for
    for i in range(len(xs)):
        b = bin_of(xs[i])
        # omp atomic
        hist[b] += 1
    return hist


def histogram_private(xs):
    hist = [0] * NBINS
    # omp parallel
    mine = [0] * NBINS
    # omp for nowait
    for i in range(len(xs)):
        mine[bin_of(xs[i])] += 1
    # omp critical
    for b in range(NBINS):
        hist[b] += mine[b]
    # omp end critical
    # omp end parallel
    return hist


xs = data()
h1 = histogram_reduction(xs)
h2 = histogram_atomic(xs)
h3 = histogram_private(xs)
print(h1 == h2 == h3, sum(h1))
print(h1)
