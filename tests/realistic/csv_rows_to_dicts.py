"""Parsing CSV text with the csv module: the lines are split first, each iteration
parses one row into a dict stored by index, and per-city totals go into a dict of
lists under critical."""

import csv
import io

text = "city,temp,rain\n" + "\n".join(
    f"{['oslo', 'rome', 'lima', 'kyiv'][i % 4]},{(i * 7) % 30 - 5},{(i * 3) % 11}"
    for i in range(80)
)
header, *lines = text.splitlines()
fields = header.split(",")
rows = [None] * len(lines)
by_city = {}

# omp parallel for
for i in range(len(lines)):
    (values,) = csv.reader(io.StringIO(lines[i]))
    rec = dict(zip(fields, values))
    rec["temp"] = int(rec["temp"])
    rec["rain"] = int(rec["rain"])
    rows[i] = rec
    # omp critical
    by_city.setdefault(rec["city"], []).append(rec["temp"])
    # omp end critical

print(rows[5], {c: (len(t), sum(t)) for c, t in sorted(by_city.items())})
