"""OpenMP Examples SIMD shapes (simd.1-.8): `simd` on a loop, `declare simd` on a
helper, `parallel for simd reduction(+:sum) safelen(8)`, `simd linear(k:2)` and
`simd collapse(2)`; in Python they change nothing but must not change the answer."""

N = 200
a = [i * 0.5 for i in range(N)]
b = [float(N - i) for i in range(N)]
c = [0.0] * N


# omp declare simd uniform(fact) linear(i:1) notinbranch
def add1(x, y, fact, i):
    return x[i] + y[i] * fact


# omp simd
for i in range(N):
    c[i] = add1(a, b, 2.0, i)

total = 0.0
# omp parallel for simd reduction(+:total) safelen(8)
for i in range(N):
    total += c[i] * 0.25

k = 0
evens = [0] * N
# omp simd linear(k:2)
for i in range(N // 2):
    evens[k] = i
    k += 2

grid = [[0] * 12 for _ in range(10)]
# omp parallel for simd collapse(2)
for r in range(10):
    for q in range(12):
        grid[r][q] = r * q

print(total, k, sum(evens), sum(map(sum, grid)))
