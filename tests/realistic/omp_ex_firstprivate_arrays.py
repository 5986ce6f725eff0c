# Source: github.com/OpenMP/Examples, data_environment/sources/carrays_fpriv.1.c
"""OpenMP Examples carrays_fpriv.1, ported: `parallel firstprivate(B, C, D, E)`
where B and C refer to the global A (C passes pointers: the private copies point at
A's elements) and D and E are local arrays (copied). In Python B and C are the list
A and its first row; each thread's copies start equal to the originals, and a
thread's change to its own copy of the local D does not reach the original."""

A = [[1, 2], [3, 4]]


def f(n, B, C):
    D = [[1, 2], [3, 4]]
    E = [[0] * n for _ in range(n)]
    assert n >= 2
    E[1][1] = 4
    checks = []
    # omp parallel firstprivate(B, C, D, E)
    ok = B[1][1] == A[1][1] and C[1] == A[0][1] and D[1][1] == 4 and E[1][1] == 4
    D[1][1] = 99
    E[0][0] = 7
    # omp critical
    checks.append(ok)
    # omp end critical
    # omp end parallel
    return all(checks), len(checks) > 0


print(f(2, A, A[0]))
print(A)
