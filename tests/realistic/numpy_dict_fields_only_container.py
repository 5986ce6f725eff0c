"""Physical fields kept in a dict (`fields["u"]`), reached only through the dict
in the loop; another array is passed by name and written too."""

import numpy as np

fields = {"u": np.zeros(50), "v": np.ones(50)}
w = np.zeros(50)

# omp parallel for
for i in range(50):
    fields["u"][i] = i * 0.5
    fields["v"][i] += fields["u"][i]
    w[i] = fields["v"][i] * 2

print(fields["u"].sum(), fields["v"].sum(), w.sum())
