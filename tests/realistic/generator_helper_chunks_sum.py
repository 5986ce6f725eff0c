"""A `yield` helper producing the windows of a series, consumed inside the loop body
with `max` and `sum`; a filtered generator expression feeds a reduction."""


def windows(xs, size):
    for k in range(len(xs) - size + 1):
        yield xs[k:k + size]


series = [[(i * 17 + t * 5) % 29 for t in range(30)] for i in range(50)]
best = [0] * 50
even_total = 0
# omp parallel for reduction(+:even_total)
for i in range(50):
    best[i] = max(sum(w) for w in windows(series[i], 4))
    even_total += sum(x for x in series[i] if x % 2 == 0)
print(best[:10], sum(best), even_total)
