"""A walrus inside a comprehension in the loop body binds a name of the body."""
data = [[(i * j) % 17 for j in range(12)] for i in range(30)]
best = [0] * 30
# omp parallel for
for i in range(30):
    big = [y for x in data[i] if (y := x * 2) > 10]
    best[i] = (len(big), y)
print(best[:5], sum(b[0] for b in best))
