"""Loops with a negative step (`range(n - 1, -1, -3)`) and over `reversed(range(...))`, storing by index and collecting visit order under `ordered` (python's order: descending)."""

n = 31
a = [0] * n
order = []
# omp parallel for ordered
for i in range(n - 1, -1, -3):
    a[i] = i * i
    # omp ordered
    order.append(i)
    # omp end ordered
b = [0] * n
# omp parallel for
for j in reversed(range(2, n, 2)):
    b[j] = a[j] + j if a[j] else -j
print(order, sum(a), b[:10])
