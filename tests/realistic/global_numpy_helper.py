"""A module-level numpy image written by a helper through its global name (rows of a
Mandelbrot set), then a second helper reads it to count."""

import numpy as np

W, H = 64, 40
image = np.zeros((H, W), dtype=np.int32)


def render_row(y):
    ci = -1.0 + 2.0 * y / (H - 1)
    for x in range(W):
        c = complex(-2.0 + 2.6 * x / (W - 1), ci)
        z = 0j
        k = 0
        while abs(z) <= 2 and k < 50:
            z = z * z + c
            k += 1
        image[y, x] = k


# omp parallel for schedule(dynamic)
for y in range(H):
    render_row(y)

print(int(image.sum()), int((image == 50).sum()), image[H // 2, ::8].tolist())
