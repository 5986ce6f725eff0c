"""OpenMP Examples masked.1, ported (github.com/OpenMP/Examples,
parallel_execution/sources/masked.1.c): a relaxation loop in one region: copy with
`for`, reset a shared flag in `single`, relax with `for reduction(+:toobig)`, count
the sweeps in `masked`; `masked filter(1)` reports the total (printed only with 2+
threads, so the total is kept in a list instead)."""

n = 40
tol = 1e-3
x = [float((i * 37) % 11) for i in range(n)]
xold = [0.0] * n
c = 0
toobig = 1
report = []
log = []


def average(a, b, d):
    return (a + b + d) / 3.0


# omp parallel
if True:
    while True:
        # omp for
        for i in range(1, n - 1):
            xold[i] = x[i]
        # omp single
        toobig = 0
        # omp for reduction(+:toobig)
        for i in range(1, n - 1):
            y = x[i]
            x[i] = average(xold[i - 1], x[i], xold[i + 1])
            error = y - x[i]
            if error > tol or error < -tol:
                toobig += 1
        # omp masked
        if True:
            c += 1
            log.append((c, toobig))
        # omp barrier
        if toobig == 0:
            break
    # omp barrier
    # omp masked filter(0)
    report.append(c)

print(log[:3], log[-1], report, round(sum(x), 6))
