"""Three independent summaries of one data set, one per section: one section fills
a preallocated histogram list, one a dict of key -> count (new keys), one sets
fields of a stats object. Each structure is written by one section only."""

data = [(i * 7919 + 13) % 101 for i in range(400)]
hist = [0] * 10
by_parity = {}


class Stats:
    pass


stats = Stats()

# omp parallel sections
# omp section
for v in data:
    hist[v // 11] += 1
# omp section
for v in data:
    key = "even" if v % 2 == 0 else "odd"
    by_parity[key] = by_parity.get(key, 0) + 1
# omp section
stats.lo = min(data)
stats.hi = max(data)
stats.mean = round(sum(data) / len(data), 6)
# omp end parallel sections

print(hist, sorted(by_parity.items()), stats.lo, stats.hi, stats.mean)
