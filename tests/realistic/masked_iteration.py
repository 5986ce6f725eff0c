"""OpenMP Examples masked.1, ported: a relaxation loop inside one region; a `single`
resets the counter, a `for reduction(+:toobig)` counts the points still moving, the
primary thread (`masked`) counts iterations and logs them."""

n = 60
x = [float((i * 13) % 7) for i in range(n)]
xold = x[:]
tol = 1e-3
c = 0
toobig = 1
log = []

# omp parallel
if True:
    while toobig > 0:
        # omp for
        for i in range(1, n - 1):
            xold[i] = x[i]
        # omp single
        toobig = 0
        # omp for reduction(+:toobig)
        for i in range(1, n - 1):
            y = x[i]
            x[i] = (xold[i - 1] + x[i] + xold[i + 1]) / 3
            error = y - x[i]
            if error > tol or error < -tol:
                toobig += 1
        # omp masked
        if True:
            c += 1
            log.append((c, toobig))
        # omp end masked
    # omp barrier

print("iterations", c, log[:3], log[-1])
print([round(v, 5) for v in x[:6]])
