"""A threadprivate dict used as a per-thread cache; results independent of the team."""
cache = {}
# omp threadprivate(cache)


def slow_square(n):
    if n not in cache:
        cache[n] = n * n
    return cache[n]


out = [0] * 60
# omp parallel for
for i in range(60):
    out[i] = slow_square(i % 9)
print(sum(out), out[:10])
