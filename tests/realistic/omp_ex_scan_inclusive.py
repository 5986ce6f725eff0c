"""OpenMP Examples scan.1: an inclusive prefix sum, `x += a[i]` then `b[i] = x`,
with `reduction(inscan, +:x)` and `# omp scan inclusive(x)`."""

N = 100
a = [i + 1 for i in range(N)]
b = [0] * N
x = 0

# omp parallel for reduction(inscan, +:x)
for i in range(N):
    x += a[i]
    # omp scan inclusive(x)
    b[i] = x

print("x =", x, "b[0:3] =", b[:3], "b[N-1] =", b[N - 1])
