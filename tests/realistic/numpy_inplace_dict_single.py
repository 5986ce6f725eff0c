"""In-place numpy operations in a `single` on arrays held in a dict (`fields["u"] *=
0.5`, `np.clip(..., out=...)`), between parallel loops over rows."""

import numpy as np

fields = {"u": np.arange(48, dtype=float).reshape(6, 8), "v": np.ones((6, 8))}

# omp parallel
# omp for
for r in range(6):
    fields["v"][r] += fields["u"][r] * 0.1
# omp single
fields["u"] *= 0.5
np.clip(fields["v"], 1.0, 4.0, out=fields["v"])
# omp end single
# omp for
for r in range(6):
    fields["u"][r] -= fields["v"][r]
# omp end parallel

print(round(float(fields["u"].sum()), 6), round(float(fields["v"].sum()), 6))
