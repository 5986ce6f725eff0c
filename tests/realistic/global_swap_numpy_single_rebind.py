"""Red-black style relaxation with two module-global numpy arrays swapped by a helper
called in `single` (`global cur, nxt; cur, nxt = nxt, cur`), the loops reading
`cur` and writing `nxt` through the global names in helpers."""

import numpy as np

n = 40
cur = np.zeros(n)
nxt = np.zeros(n)
cur[0] = cur[-1] = 100.0
nxt[0] = nxt[-1] = 100.0


def relax(i):
    nxt[i] = 0.5 * (cur[i - 1] + cur[i + 1])


def swap():
    global cur, nxt
    cur, nxt = nxt, cur


# omp parallel
if True:
    for it in range(30):
        # omp for
        for i in range(1, n - 1):
            relax(i)
        # omp single
        swap()

print(round(float(cur.sum()), 8), cur[:4].round(6).tolist())
