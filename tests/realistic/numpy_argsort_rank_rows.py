"""Ranks of every row (argsort of argsort) written into an int array; ties broken by a
stable sort; the rows with a perfect ordering counted by a reduction."""

import numpy as np

x = ((np.arange(60 * 30).reshape(60, 30) * 7919) % 101).astype(float)
x[::7] = np.arange(30)
ranks = np.empty(x.shape, dtype=np.int64)
sorted_rows = 0

# omp parallel for reduction(+:sorted_rows)
for i in range(x.shape[0]):
    order = np.argsort(x[i], kind="stable")
    ranks[i, order] = np.arange(x.shape[1])
    if (order == np.arange(x.shape[1])).all():
        sorted_rows += 1

print(sorted_rows, int(ranks.sum()), ranks[1, :10].tolist())
