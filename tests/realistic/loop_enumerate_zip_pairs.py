"""`parallel for` over `enumerate(zip(xs, ys))` (a loop over pairs drawn as they come), results stored by the enumerate index, and a `max` reduction over (value, index) tuples."""

xs = [(k * 13) % 29 for k in range(40)]
ys = [(k * 7) % 31 for k in range(40)]
prod = [0] * 40
best = (-1, -1)
# omp parallel for reduction(max:best)
for k, (x, y) in enumerate(zip(xs, ys)):
    prod[k] = x * y - k
    best = max(best, (prod[k], k))
print(sum(prod), best)
