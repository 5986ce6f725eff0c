"""Nested active regions (max-active-levels 2): an outer `parallel for` over rows of
a block matrix, an inner `parallel for` with a max reduction over the row; each row's
result stored into a shared dict by key, a grand total reduced at the outer level."""

from omppy import omp_set_max_active_levels

omp_set_max_active_levels(2)
rows = {f"r{b}": [((b + 1) * (k * 13 + 5)) % 97 for k in range(30)] for b in range(6)}
keys = sorted(rows)
peaks = {}
grand = 0

# omp parallel for reduction(+:grand) num_threads(2)
for b in range(len(keys)):
    row = rows[keys[b]]
    peak = -1
    # omp parallel for reduction(max:peak) num_threads(2)
    for k in range(len(row)):
        peak = max(peak, row[k] * (k % 3 + 1))
    peaks[keys[b]] = peak
    grand += peak

print(sorted(peaks.items()), grand)
