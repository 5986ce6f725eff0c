"""Sort keys in single with numpy, then scatter ranks by fancy index in a loop."""
import numpy as np

keys = (np.arange(50) * 37) % 53
ranks = np.zeros(50, dtype=np.int64)
order = None
# omp parallel
if True:
    # omp single
    order = np.argsort(keys, kind="stable")
    # omp end single
    # omp for
    for b in range(5):
        idx = order[b * 10:(b + 1) * 10]
        ranks[idx] = np.arange(b * 10, (b + 1) * 10)
# omp end parallel
print(ranks[:10].tolist(), int(ranks.sum()))
