"""itertools inside the loop body: `accumulate` prefix sums of each row, `groupby` runs of a sorted key, `islice` windows; results stored by index and a run-length table merged under critical."""

from itertools import accumulate, groupby, islice

rows = [[(i * j + 3) % 7 for j in range(12)] for i in range(20)]
prefix = [None] * 20
runs = {}
windows = [0] * 20
# omp parallel for schedule(guided)
for i in range(20):
    prefix[i] = list(accumulate(rows[i]))[-1]
    local = [(k, len(list(g))) for k, g in groupby(sorted(rows[i]))]
    windows[i] = max(sum(islice(rows[i], s, s + 3)) for s in range(0, 10))
    # omp critical
    for k, n in local:
        runs[k] = runs.get(k, 0) + n
    # omp end critical
print(prefix[:5], sum(windows), sorted(runs.items()))
