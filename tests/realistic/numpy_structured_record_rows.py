"""A numpy structured array of particles; the loop writes fields through the row
(`rec[i]['x'] = ...`, a np.void view of the row), through the field column
(`rec['flag'][i]`) and assigns a whole tuple to a row."""

import numpy as np

dt = np.dtype([("id", "i4"), ("x", "f8"), ("v", "f8"), ("flag", "?")])
rec = np.zeros(64, dtype=dt)
rec["id"] = np.arange(64)
rec["v"] = np.linspace(-1, 1, 64)

# omp parallel for
for i in range(64):
    row = rec[i]
    row["x"] = row["v"] * 2.5 + i
    rec["flag"][i] = row["x"] > 10
    if i % 8 == 0:
        rec[i] = (rec[i]["id"] * 10, rec[i]["x"], 0.0, True)

print(rec["id"][:10].tolist(), round(float(rec["x"].sum()), 6), int(rec["flag"].sum()))
