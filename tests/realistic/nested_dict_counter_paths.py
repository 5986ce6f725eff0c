"""A nested dict of Counters keyed by (region, year), filled with `setdefault`
chains under critical, then read in a second loop that writes per-key summaries
into a dict of lists by index."""

from collections import Counter

sales = [(("north", "south", "east")[i % 3], 2020 + i % 4, ("a", "b", "c", "d")[(i * 7) % 4]) for i in range(240)]
table = {}
# omp parallel for
for i in range(len(sales)):
    region, year, item = sales[i]
    # omp critical
    table.setdefault(region, {}).setdefault(year, Counter())[item] += 1
    # omp end critical

keys = sorted((r, y) for r in table for y in table[r])
summary = {r: [None] * 4 for r in table}
# omp parallel for
for k in range(len(keys)):
    r, y = keys[k]
    summary[r][y - 2020] = table[r][y].most_common(1)[0]

print(sorted(summary.items()))
