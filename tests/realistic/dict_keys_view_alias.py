"""Items of a dict of lists reached through `.values()` in a parallel loop over a
list of the values (aliases of shared lists), each extended in place."""

groups = {f"g{k}": [k] * 3 for k in range(20)}
lists = list(groups.values())
# omp parallel for
for i in range(len(lists)):
    lists[i].extend([i * 10, i * 11])
    lists[i][0] = -lists[i][0]

print(groups["g3"], sum(sum(v) for v in groups.values()))
