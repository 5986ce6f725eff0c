# Source: github.com/OpenMP/Examples, data_environment/sources/lastprivate.1.c
"""OpenMP Examples lastprivate.1, ported: `for lastprivate(i)` inside `parallel`
over i < n-1 writes a[i] = b[i] + b[i+1]; after the region the code uses i (n-1 in
C, whose loop variable ends one past the last iteration; Python's ends on the last
iteration, n-2, so the port writes `a[i + 1] = b[i + 1]`, the same element)."""


def lastpriv(n, a, b):
    i = 0
    # omp parallel
    # omp for lastprivate(i)
    for i in range(n - 1):
        a[i] = b[i] + b[i + 1]
    # omp end parallel
    a[i + 1] = b[i + 1]  # i == n-2 here: the last element
    return i


n = 50
b = [0.5 * k for k in range(n)]
a = [0.0] * n
last = lastpriv(n, a, b)
print(last, a[:4], a[-3:], sum(a))
