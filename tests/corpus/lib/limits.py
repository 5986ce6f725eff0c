"""Module globals that another module (../globals_rebound_elsewhere.py) rebinds while a
region here runs: read by name in the region, as python does."""
import numpy as np

LIMIT = 3
SCALE = 2.0
TABLE = np.arange(8.0)


def scaled(n, bump):
    out = [0] * n
    # omp parallel
    if True:
        # omp single
        bump()
        # omp for
        for i in range(n):
            out[i] = float(min(i, LIMIT) * SCALE + TABLE[i % 8])
    return out


def helper_reads(i):
    return i * LIMIT
