"""A shared priority list kept sorted by `list.insert` at the bisected place and
trimmed by `pop()` under critical; deletions by `del` of the head in single."""

import bisect

ranked = []
dropped = []
# omp parallel
if True:
    # omp for
    for i in range(300):
        score = (i * 7919) % 997
        # omp critical
        if True:
            k = bisect.bisect_left(ranked, score)
            ranked.insert(k, score)
            if len(ranked) > 40:
                dropped.append(ranked.pop())
    # omp single
    del ranked[:5]
print(ranked[:6], len(ranked), len(dropped), sorted(dropped)[:4])
