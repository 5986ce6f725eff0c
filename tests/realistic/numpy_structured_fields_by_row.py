"""A numpy structured array written per record: `rec[i] = (id, x, y)` tuples, `rec['dist'][i] = ...` through a field view, and `rec[i]['flag'] = ...` through the record; grouped after the loop."""

import numpy as np

dt = np.dtype([("id", "i4"), ("x", "f8"), ("y", "f8"), ("dist", "f8"), ("flag", "?")])
N = 40
rec = np.zeros(N, dtype=dt)
# omp parallel for
for i in range(N):
    rec[i] = (i, (i * 7) % 11 - 5.0, (i * 3) % 13 - 6.0, 0.0, False)
    rec["dist"][i] = np.hypot(rec["x"][i], rec["y"][i])
    rec[i]["flag"] = rec["dist"][i] > 6
print(int(rec["flag"].sum()), round(float(rec["dist"].sum()), 4), rec[7])
