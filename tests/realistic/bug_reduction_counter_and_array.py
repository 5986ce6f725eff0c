"""FIXED (refusal, minimal, from reductions_mixed_in_region): `omp for
reduction(+:acc, c)` inside `parallel`, with `acc` a numpy array and `c` a Counter:
the barrier that waits for thread 0's array total came before the threads agreed
on the Counter they had each combined in place: `both changed c[0] ... to the
same value`."""

from collections import Counter

import numpy as np

acc = np.zeros(3)
c = Counter()
# omp parallel
# omp for reduction(+:acc, c)
for i in range(12):
    acc[i % 3] += i
    c[i % 4] += 1
# omp end parallel
print(acc.tolist(), sorted(c.items()))
