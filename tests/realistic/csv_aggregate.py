"""Aggregating CSV rows (parsed with the csv module) per region: a `[sum, count, max]`
record per region updated in place under critical."""

import csv
import io

lines = ["region,product,amount"] + [
    f"{['north', 'south', 'east', 'west'][i % 4]},{['tea', 'coffee'][i % 2]},{(i * 37) % 101}"
    for i in range(240)
]
rows = list(csv.DictReader(io.StringIO("\n".join(lines))))
agg = {r: [0, 0, 0] for r in ("north", "south", "east", "west")}

# omp parallel for
for k in range(len(rows)):
    row = rows[k]
    amount = int(row["amount"])
    rec = agg[row["region"]]
    # omp critical
    rec[0] += amount
    rec[1] += 1
    rec[2] = max(rec[2], amount)
    # omp end critical

for region in sorted(agg):
    s, c, m = agg[region]
    print(region, s, c, m, round(s / c, 4))
