"""A `parallel for` over `enumerate(zip(xs, ys))` (iterables listed by the
translator), a `map` with a lambda reading a shared dict, and a `filter` result
consumed per iteration."""

xs = [i * 0.5 for i in range(60)]
ys = [(i * 7) % 13 for i in range(60)]
weights = {k: k * k for k in range(13)}
out = [0.0] * 60
kept = [0] * 60

# omp parallel for
for i, (x, y) in enumerate(zip(xs, ys)):
    scaled = list(map(lambda k: weights[k] * x, (y, (y + 1) % 13)))
    out[i] = round(sum(scaled), 4)
    kept[i] = len(list(filter(lambda k: weights[k] > 30, range(y + 1))))

print(round(sum(out), 4), out[:3], sum(kept))
