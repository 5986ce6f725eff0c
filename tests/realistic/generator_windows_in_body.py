"""A generator function yielding sliding windows, consumed inside each iteration of a
parallel loop; per-series maxima of window means stored by index."""


def windows(seq, k):
    for i in range(len(seq) - k + 1):
        yield seq[i:i + k]


def running(seq):
    total = 0
    for x in seq:
        total += x
        yield total


series = [[(i * j * 7) % 23 for j in range(50)] for i in range(90)]
best = [0.0] * len(series)
finals = [0] * len(series)

# omp parallel for
for i in range(len(series)):
    best[i] = max(sum(w) / len(w) for w in windows(series[i], 5))
    *_, finals[i] = running(series[i])

print(round(sum(best), 6), sum(finals), best[:4])
