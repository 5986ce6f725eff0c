"""Parallel sections computing different statistics of one data set into a shared
dict, with a lastprivate naming the section that ran last in source order."""

import statistics

data = [((i * 7919) % 997) / 10 for i in range(1000)]
stats = {}
which = None

# omp parallel sections lastprivate(which)
# omp section
stats["mean"] = round(statistics.fmean(data), 6)
which = "mean"
# omp section
stats["median"] = statistics.median(data)
which = "median"
# omp section
stats["stdev"] = round(statistics.pstdev(data), 6)
which = "stdev"
# omp section
srt = sorted(data)
stats["p90"] = srt[int(0.9 * len(srt))]
which = "p90"
# omp end parallel sections

print(sorted(stats.items()), which)
