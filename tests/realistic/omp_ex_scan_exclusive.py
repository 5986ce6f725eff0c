"""OpenMP Examples scan.2 (exclusive scan) in Python: `parallel for
reduction(inscan, +: x)` with `# omp scan exclusive(x)`: b[k] gets the sum of a
before k."""

n = 100
a = [(k * 7) % 11 - 3 for k in range(n)]
b = [0] * n
x = 0

# omp parallel for reduction(inscan, +: x)
for k in range(n):
    b[k] = x
    # omp scan exclusive(x)
    x += a[k]

print(x, b[:8], b[-3:])
