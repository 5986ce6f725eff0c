"""A structured numpy array of stations filled one record per iteration by tuple
assignment (`a[i] = (...)`), then sorted by two fields."""

import numpy as np

dt = np.dtype([("id", "i4"), ("temp", "f8"), ("flag", "?"), ("code", "U4")])
a = np.zeros(120, dtype=dt)
# omp parallel for
for i in range(120):
    t = ((i * 37) % 91) / 3 - 10
    a[i] = (i, t, t > 5, f"S{i % 7}")
s = np.sort(a, order=["code", "temp"])
print(s["id"][:8].tolist(), int(a["flag"].sum()), round(float(a["temp"].sum()), 6))
