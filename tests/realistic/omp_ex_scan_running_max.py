"""A scan that is not a sum: the running maximum of a signal with
`reduction(inscan, max:best)` (inclusive), and an exclusive running product count."""

import math

n = 200
sig = [round(math.sin(i * 0.37) * 100 + (i % 13), 3) for i in range(n)]
peak = [0.0] * n
best = -1e300

# omp parallel for reduction(inscan, max:best)
for i in range(n):
    best = max(best, sig[i])
    # omp scan inclusive(best)
    peak[i] = best

offsets = [0] * n
total = 0
sizes = [(i * 5) % 9 for i in range(n)]
# omp parallel for reduction(inscan, +:total)
for i in range(n):
    offsets[i] = total
    # omp scan exclusive(total)
    total += sizes[i]

print(peak[:6], peak[-1], best)
print(offsets[:8], offsets[-1], total)
