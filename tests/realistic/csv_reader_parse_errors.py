"""CSV text parsed with `csv.reader` per chunk of lines; bad rows caught
(`ValueError`) and counted; per-region sums kept in a dict of lists under critical."""

import csv

lines = []
regions = ["north", "south", "east", "west"]
for i in range(400):
    amount = f"{(i * 37) % 500}.{i % 100:02d}" if i % 41 else "n/a"
    lines.append(f"{i},{regions[i % 4]},{amount}")

CH = 25
by_region = {r: [] for r in regions}
bad = []
# omp parallel for schedule(dynamic)
for c in range(0, len(lines), CH):
    local = {r: 0.0 for r in regions}
    local_bad = []
    for row in csv.reader(lines[c:c + CH]):
        try:
            local[row[1]] += float(row[2])
        except ValueError:
            local_bad.append(int(row[0]))
    # omp critical
    for r in regions:
        by_region[r].append((c, round(local[r], 2)))
    bad.extend(local_bad)
    # omp end critical

print({r: round(sum(v for _, v in sorted(by_region[r])), 2) for r in regions})
print(sorted(bad))
