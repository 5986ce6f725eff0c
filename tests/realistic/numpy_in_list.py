"""A list of numpy arrays (one per channel) written item by item in a parallel loop,
and a dict of arrays (fields of a simulation) updated by name."""

import numpy as np

channels = [np.zeros(50) for _ in range(3)]
fields = {"u": np.zeros(50), "v": np.ones(50)}

# omp parallel for
for i in range(50):
    for c in range(3):
        channels[c][i] = (c + 1) * i
    fields["u"][i] = i * 0.5
    fields["v"][i] += fields["u"][i]

print([float(ch.sum()) for ch in channels])
print(float(fields["u"].sum()), float(fields["v"].sum()), fields["v"][-3:].tolist())
