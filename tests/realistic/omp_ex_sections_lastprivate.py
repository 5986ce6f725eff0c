"""OpenMP Examples lastprivate sections (Example lastprivate.2-like): `parallel
sections` with `lastprivate(i)` where each section computes a part of an array and
the value of the lexically last section is kept; a config list is `firstprivate`
(each section reads its own copy)."""

n = 40
a = [0.0] * n
b = [0.0] * n
config = [2, 3]
i = -1

# omp parallel sections lastprivate(i) firstprivate(config)
# omp section
for i in range(0, n // 2):
    a[i] = i * config[0] + 0.5
# omp section
for i in range(n // 2, n):
    a[i] = i * config[1] - 0.5
# omp section
i = 1000
for k in range(n):
    b[k] = (k % 5) * config[0]
# omp end parallel sections

print(i, sum(a), a[19], a[20], sum(b), config)
