"""A histogram by `np.add.at` on chunks of indices: each thread builds a local
histogram for its chunk and adds it in a critical; a second histogram is filled by
`np.add.at` directly on disjoint index ranges (no synchronisation needed)."""

import numpy as np

rng = np.random.default_rng(12)
idx = rng.integers(0, 16, size=4000)
hist = np.zeros(16, dtype=np.int64)
wide = np.zeros(16 * 8, dtype=np.int64)

# omp parallel for
for c in range(8):
    local = np.zeros(16, dtype=np.int64)
    np.add.at(local, idx[c * 500 : (c + 1) * 500], 1)
    np.add.at(wide, idx[c * 500 : (c + 1) * 500] + 16 * c, 1)
    # omp critical
    hist += local
    # omp end critical

print(hist.tolist(), int(wide.sum()), wide[16:20].tolist())
