"""Each iteration assigns a disjoint slice of a shared list (same length)."""
data = list(range(60))
# omp parallel for
for b in range(6):
    lo = b * 10
    data[lo:lo + 10] = [x * (b + 1) for x in data[lo:lo + 10]]
print(sum(data), data[::11])
