"""`single copyprivate(a, b, table)` of a scalar, a tuple and a dict computed by one
thread; the loop after it reads them in every thread (OpenMP Examples copyprivate.1
with several variables)."""

out = [0] * 64

# omp parallel
if True:
    # omp single copyprivate(a, b, table)
    a = 7
    b = (2, 3)
    table = {k: k * k for k in range(10)}
    # omp end single
    # omp for
    for i in range(64):
        out[i] = a * i + b[i % 2] + table[i % 10]

print(sum(out), out[:6])
