"""A numpy structured array of records (id, x, y, flag): each iteration updates its
record through a field view (`rec["x"][i] = ...`) and through a record
(`rec[i]["flag"] = ...`)."""

import numpy as np

rec = np.zeros(30, dtype=[("id", "i4"), ("x", "f8"), ("y", "f8"), ("flag", "u1")])
rec["id"] = np.arange(30)
rec["y"] = np.arange(30) % 7

# omp parallel for
for i in range(len(rec)):
    rec["x"][i] = rec["y"][i] * 1.5 + i
    if rec["x"][i] > 20:
        rec[i]["flag"] = 1
    rec["y"][i] -= 0.25

print(rec[:3].tolist(), int(rec["flag"].sum()), float(rec["x"].sum()), float(rec["y"].sum()))
