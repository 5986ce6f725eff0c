"""Per-group summaries with the `statistics` module: each iteration owns one group,
computes its mean, median and standard deviation, and stores a dict of them into a
shared dict under the group's key (new keys from several threads)."""

import statistics

groups = {f"g{k:02d}": [((k + 3) * i * 31) % 89 + k for i in range(15 + k % 6)] for k in range(30)}
names = sorted(groups)
summary = {}

# omp parallel for schedule(dynamic, 2)
for k in range(len(names)):
    xs = groups[names[k]]
    summary[names[k]] = {
        "mean": round(statistics.fmean(xs), 9),
        "median": statistics.median(xs),
        "stdev": round(statistics.stdev(xs), 9),
    }

print(list(summary)[:4], summary["g07"], round(sum(s["stdev"] for s in summary.values()), 6))
