"""argmin with a min reduction over (value, index) tuples, and a max over strings;
both start from the first element, like a C programmer seeding a min search."""

vals = [((i * 7919) % 1013) / 3 for i in range(3000)]
names = [f"k{(i * 31) % 977:04d}" for i in range(3000)]
best = (vals[0], 0)
last = names[0]

# omp parallel for reduction(min:best) reduction(max:last)
for i in range(1, len(vals)):
    best = min(best, (vals[i], i))
    last = max(last, names[i])

print(best, last)
