"""Simulation fields kept in a dict of numpy arrays (`fields["u"]`, `fields["v"]`),
updated row by row in a parallel loop, with a swap of the dict's entries in a
`single` between steps."""

import numpy as np

n = 20
fields = {"u": np.fromfunction(lambda i, j: (i * 3 + j) % 7, (n, n)), "u_new": np.zeros((n, n))}
residual = [0.0] * 5

# omp parallel
for step in range(5):
    # omp for
    for i in range(1, n - 1):
        u = fields["u"]
        fields["u_new"][i, 1:-1] = 0.25 * (u[i - 1, 1:-1] + u[i + 1, 1:-1] + u[i, :-2] + u[i, 2:])
    # omp single
    residual[step] = float(np.abs(fields["u_new"][1:-1, 1:-1] - fields["u"][1:-1, 1:-1]).sum())
    fields["u"], fields["u_new"] = fields["u_new"], fields["u"]
    # omp end single

print([round(r, 6) for r in residual], round(float(fields["u"].sum()), 6))
