"""Arrays passed to helpers that write them: a smoothing step writing `out[i]` and a
helper that writes a slice of a 2-D array."""

import numpy as np

n = 200
signal = np.sin(np.arange(n) * 0.1) + (np.arange(n) % 7) * 0.01
smooth = np.zeros(n)
blocks = np.zeros((10, 20))


def smooth_at(src, dst, i):
    lo, hi = max(0, i - 2), min(len(src), i + 3)
    dst[i] = src[lo:hi].mean()


def fill_block(arr, b):
    arr[b, :] = np.arange(20) * (b + 1)


# omp parallel for
for i in range(n):
    smooth_at(signal, smooth, i)

# omp parallel for
for b in range(10):
    fill_block(blocks, b)

print(round(float(smooth.sum()), 8), np.round(smooth[:4], 6).tolist())
print(float(blocks.sum()), blocks[9, -3:].tolist())
