"""OpenMP Examples atomic.1, ported: `x[index[i]] += work1(i)` under atomic, and
`y[i] += work2(i)` without (each i belongs to one thread)."""


def work1(i):
    return 1.0 * i


def work2(i):
    return 2.0 * i


n = 1000
index = [i % 100 for i in range(n)]
x = [0.0] * 100
y = [0.0] * n

# omp parallel for
for i in range(n):
    # omp atomic
    x[index[i]] += work1(i)
    y[i] += work2(i)

print(sum(x), x[:4], sum(y), y[-1])
