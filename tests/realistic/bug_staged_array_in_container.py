"""BUG (FIXED): an array the region stages into shared memory, also held in a dict
and (as a view) in an object's attribute: writes and reads through the container
went to the old memory, and the staged copy overwrote them when the region ended
(a different answer with exit status 0).  Now the container holds the view of the
staged copy for the region, and gets its own array back after it."""

import numpy as np


class Holder:
    pass


a = np.zeros(20)
box = {"a": a}
h = Holder()
h.top = a[:5]

# omp parallel
# omp for
for i in range(20):
    a[i] = i
# omp single
box["a"][0] = 100.0
h.top[1] = box["a"][3] + 50
# omp end single
# omp end parallel

print(a.tolist()[:6], box["a"] is a, h.top.base is a)
