"""A numpy structured array of particles (`pos`, `vel`, `charge`, `hits`): a parallel
loop updates fields of each record; a histogram of x positions under atomic."""

import numpy as np

dtype = np.dtype([("pos", "f8", (2,)), ("vel", "f8", (2,)), ("charge", "i4"), ("hits", "i4")])
p = np.zeros(64, dtype=dtype)
p["pos"][:, 0] = np.arange(64) % 8
p["pos"][:, 1] = np.arange(64) // 8
p["vel"][:, 0] = 0.5
p["charge"] = np.arange(64) % 3 - 1
bins = [0] * 8

# omp parallel for
for i in range(64):
    rec = p[i]
    rec["vel"][1] += rec["charge"] * 0.25
    rec["pos"] += rec["vel"]
    if rec["pos"][0] >= 8:
        rec["pos"][0] -= 8
        rec["hits"] += 1
    b = int(rec["pos"][0])
    # omp atomic
    bins[b] += 1

print(p["pos"].sum(axis=0).tolist(), int(p["hits"].sum()), bins)
