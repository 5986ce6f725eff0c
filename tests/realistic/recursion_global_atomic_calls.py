"""A recursive Ackermann-like helper that counts every call in a module global under
atomic; the total number of calls is printed with the results."""

CALLS = 0


def walk(n, m):
    global CALLS
    # omp atomic
    CALLS += 1
    if n == 0:
        return m + 1
    if m == 0:
        return walk(n - 1, 1)
    return walk(n - 1, walk(n, m - 1))


res = [0] * 12
# omp parallel for schedule(dynamic)
for k in range(12):
    res[k] = walk(k % 3, k % 5)
print(res, CALLS)
