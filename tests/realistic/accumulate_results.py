"""Per-day figures computed in parallel, then running totals and running maxima
with `itertools.accumulate` after the loop, and a `json.dumps` of the summary."""

import json
from itertools import accumulate

days = 45
sales = [0] * days
notes = {}

# omp parallel for
for d in range(days):
    sales[d] = sum(((d + 1) * k) % 23 for k in range(40))
    if sales[d] % 5 == 0:
        # omp critical
        notes[f"day{d:02d}"] = {"sales": sales[d], "flag": [d % 2 == 0, d % 3 == 0]}
        # omp end critical

running = list(accumulate(sales))
peaks = list(accumulate(sales, max))
print(running[-1], peaks[::9])
print(json.dumps(notes, sort_keys=True)[:200])
