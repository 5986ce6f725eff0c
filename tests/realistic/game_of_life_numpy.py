"""Game of life with numpy: each generation, rows of the next grid computed in a
parallel loop from the current grid; the swap happens between regions."""

import numpy as np

H, W = 40, 40
grid = np.zeros((H, W), dtype=np.int8)
for r, c in [(1, 2), (2, 3), (3, 1), (3, 2), (3, 3), (20, 20), (20, 21), (20, 22), (21, 19), (21, 20), (21, 21)]:
    grid[r, c] = 1

for gen in range(25):
    nxt = np.zeros_like(grid)
    # omp parallel for
    for r in range(H):
        n = np.zeros(W, dtype=np.int8)
        for dr in (-1, 0, 1):
            for dc in (-1, 0, 1):
                if dr or dc:
                    n += np.roll(grid[(r + dr) % H], dc)
        nxt[r] = ((n == 3) | ((n == 2) & (grid[r] == 1))).astype(np.int8)
    grid = nxt

print(int(grid.sum()), np.argwhere(grid)[:5].tolist())
