"""Columns of a table kept as numpy arrays in a dict; each iteration computes a chunk
of derived columns with ufuncs writing into slices (`out=`)."""

import numpy as np

n = 800
table = {"w": np.arange(n) % 13 + 1.0, "h": np.arange(n) % 7 + 1.0}
table["bmi"] = np.zeros(n)
table["log_w"] = np.zeros(n)
# omp parallel for
for c in range(8):
    s = slice(c * 100, (c + 1) * 100)
    np.divide(table["w"][s], table["h"][s] ** 2, out=table["bmi"][s])
    np.log(table["w"][s], out=table["log_w"][s])
print(round(float(table["bmi"].sum()), 9), round(float(table["log_w"].sum()), 9))
