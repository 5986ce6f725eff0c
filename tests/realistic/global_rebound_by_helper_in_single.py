"""A module setting rebound by a helper (`global LIMIT` in `set_limit`) called in
`single`; the next loop of the region reads `LIMIT` directly by its name, in a region
at module level and in one inside a function; and ones stored through `globals()`
`setattr(sys.modules[__name__], ...)` and `sys.modules[__name__].BIAS = 1`."""

import sys

LIMIT = 3
SCALE = 1.0
OFFSET = 0
BIAS = 0


def set_limit(v):
    global LIMIT
    LIMIT = v


def run(n):
    out = [0] * n
    # omp parallel
    if True:
        # omp single
        set_limit(n // 2)
        # omp end single
        # omp for
        for i in range(n):
            out[i] = min(i, LIMIT)
    return out


out = [0.0] * 12
# omp parallel
if True:
    # omp single
    set_limit(7)
    globals()["SCALE"] = 0.5
    setattr(sys.modules[__name__], "OFFSET", 100)  # noqa: B010
    sys.modules[__name__].BIAS = 1
    # omp end single
    # omp for
    for i in range(12):
        out[i] = min(i, LIMIT) * SCALE + OFFSET + BIAS

print(out, LIMIT, SCALE, OFFSET, BIAS)
print(run(20), LIMIT)
