"""pymp's examples, through omppy.pymp: `p.range` filling a shared numpy array,
`p.xrange` with a dynamic schedule summing under `p.lock`, and `p.iterate` over a
list of jobs into a shared dict."""

import numpy as np

from omppy import pymp

ex_array = pymp.shared.array((100,), dtype="uint32")
with pymp.Parallel(4) as p:
    for index in p.range(0, 100):
        ex_array[index] = index * index

total = pymp.shared.array((1,), dtype="int64")
with pymp.Parallel(3) as p:
    for index in p.xrange(0, 500):
        with p.lock:
            total[0] += index % 13

jobs = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta"]
lengths = pymp.shared.dict()
with pymp.Parallel(2) as p:
    for name in p.iterate(jobs):
        with p.lock:
            lengths[name] = len(name)

print(int(np.sum(ex_array)), int(total[0]), sorted(lengths.items()))
