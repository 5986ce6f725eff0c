"""NAS Parallel Benchmarks CG (conjugate gradient), in pure Python after the NPB 3
OpenMP version's conj_grad (www.nas.nasa.gov, NPB3.x-OMP/CG/cg.f): a sparse symmetric
positive definite matrix in CSR form (made here with a fixed generator, not NPB's
makea), 25 CG iterations per outer step: the sparse matrix-vector product is a
`for` over rows, the dot products are `for reduction(+: ...)` loops, all in one
parallel region per solve (as NPB's), with `single` for the scalars; the outer power
iteration estimates zeta = shift + 1 / (x . z) as NPB does.  NPB verifies zeta only;
the residual norm rnorm (about 1e-10 here, left by cancellation) is a float sum whose
last digits depend on how the reduction is associated (docs/pragmas.md), so it is
printed as a convergence test."""

import math

N = 300
NONZER = 6
SHIFT = 10.0
CGITMAX = 25
NITER = 5


def makea(n):
    """A symmetric diagonally dominant sparse matrix, CSR."""
    rows = [dict() for _ in range(n)]
    seed = 1234567
    for i in range(n):
        for _ in range(NONZER):
            seed = (seed * 1103515245 + 12345) % 2**31
            j = seed % n
            v = ((seed >> 8) % 1000) / 1000.0
            if j != i:
                rows[i][j] = rows[i].get(j, 0.0) + v
                rows[j][i] = rows[j].get(i, 0.0) + v
    rowstr, colidx, a = [0], [], []
    for i in range(n):
        rows[i][i] = sum(abs(v) for v in rows[i].values()) + 1.0
        for j in sorted(rows[i]):
            colidx.append(j)
            a.append(rows[i][j])
        rowstr.append(len(colidx))
    return rowstr, colidx, a


def conj_grad(rowstr, colidx, a, x, z, p, q, r):
    n = len(x)
    rho = 0.0
    d = 0.0
    sum_ = 0.0
    rnorm = 0.0
    # omp parallel
    # omp for
    for j in range(n):
        q[j] = 0.0
        z[j] = 0.0
        r[j] = x[j]
        p[j] = r[j]
    # omp for reduction(+: rho)
    for j in range(n):
        rho += r[j] * r[j]
    for cgit in range(CGITMAX):
        # omp single
        d = 0.0
        rho0 = rho
        rho = 0.0
        # omp end single
        # omp for
        for j in range(n):
            s = 0.0
            for k in range(rowstr[j], rowstr[j + 1]):
                s += a[k] * p[colidx[k]]
            q[j] = s
        # omp for reduction(+: d)
        for j in range(n):
            d += p[j] * q[j]
        # omp for reduction(+: rho)
        for j in range(n):
            z[j] = z[j] + (rho0 / d) * p[j]
            r[j] = r[j] - (rho0 / d) * q[j]
            rho += r[j] * r[j]
        # omp for
        for j in range(n):
            p[j] = r[j] + (rho / rho0) * p[j]
    # omp for reduction(+: sum_)
    for j in range(n):
        s = 0.0
        for k in range(rowstr[j], rowstr[j + 1]):
            s += a[k] * z[colidx[k]]
        sum_ += (x[j] - s) ** 2
    # omp end parallel
    rnorm = math.sqrt(sum_)
    return rnorm


def main():
    rowstr, colidx, a = makea(N)
    x = [1.0] * N
    z = [0.0] * N
    p = [0.0] * N
    q = [0.0] * N
    r = [0.0] * N
    zeta = 0.0
    for it in range(1, NITER + 1):
        rnorm = conj_grad(rowstr, colidx, a, x, z, p, q, r)
        xz = sum(x[j] * z[j] for j in range(N))
        zz = math.sqrt(sum(z[j] * z[j] for j in range(N)))
        zeta = SHIFT + 1.0 / xz
        print("%5d %s %20.10f" % (it, rnorm < 1e-8, zeta))
        for j in range(N):
            x[j] = z[j] / zz


main()
