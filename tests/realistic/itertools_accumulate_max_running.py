"""`accumulate(..., max)` running maxima per series and `itertools.pairwise` differences, then a `single` summarising with `itertools.chain.from_iterable`."""

import itertools

series = [[(k * 31 + s * 7) % 50 for k in range(15)] for s in range(16)]
peaks = [None] * 16
jumps = [0] * 16
summary = None
# omp parallel
if True:
    # omp for
    for s in range(16):
        peaks[s] = list(itertools.accumulate(series[s], max))
        jumps[s] = max(abs(b - a) for a, b in itertools.pairwise(series[s]))
    # omp single
    summary = sorted(set(itertools.chain.from_iterable(peaks)))[-5:]
    # omp end single
print(summary, jumps, peaks[3][-1])
