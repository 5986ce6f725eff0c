"""An image processor whose canvas is a large numpy array attribute (about 18 MB),
filled row by row by a method called from a parallel loop."""

import numpy as np


class Canvas:
    def __init__(self, h, w):
        self.pixels = np.zeros((h, w))
        self.w = w

    def paint_row(self, y):
        self.pixels[y, :] = (y % 7) + np.arange(self.w) * 1e-3


canvas = Canvas(1500, 1500)
# omp parallel for
for y in range(1500):
    canvas.paint_row(y)

print(round(float(canvas.pixels.sum()), 3), canvas.pixels[1499, :3].tolist())
