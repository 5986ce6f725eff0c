"""OpenMP Examples atomic.2 (atomic read and write of a shared progress value) and
atomic.1 (`x[index[i]] += work1(i)` under atomic while y[i] += work2(i) is
private to the iteration)."""

N = 1000
x = [0.0] * 100
y = [0.0] * N
index = [i % 100 for i in range(N)]
progress = 0


def work1(i):
    return 1.0 * i * 0.5


def work2(i):
    return 2.0 * i


# omp parallel for
for i in range(N):
    # omp atomic update
    x[index[i]] += work1(i)
    y[i] += work2(i)
    if i % 100 == 99:
        # omp atomic
        progress += 1

done = 0
# omp parallel
# omp atomic read
seen = progress
# omp end atomic
# omp master
# omp atomic write
done = seen
# omp end atomic
# omp end master
# omp end parallel

print(sum(x), x[7], sum(y), progress, done)
