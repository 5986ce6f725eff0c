"""OpenMP Examples atomic.1, ported: `x[index[i]] += work1(i)` under atomic (many
iterations hit one bin), `y[i] += work2(i)` without (each iteration its own)."""


def work1(i):
    return (i % 5) * 0.5


def work2(i):
    return 2.0 * i + 0.25


def atomic_example(x, y, index, n):
    # omp parallel for shared(x, y, index, n)
    for i in range(n):
        # omp atomic update
        x[index[i]] += work1(i)
        y[i] += work2(i)


n = 1000
index = [(i * 7) % 10 for i in range(n)]
x = [0.0] * 10
y = [0.0] * n
atomic_example(x, y, index, n)
print(x)
print(sum(y), y[:3], y[-1])
