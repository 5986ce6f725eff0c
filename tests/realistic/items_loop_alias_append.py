"""A `parallel for` over a snapshot of a shared dict's items, appending to each value
list in place (`for k, v in list(d.items())`), each key one iteration."""

groups = {f"g{k}": [k] for k in range(25)}

# omp parallel for
for key, members in list(groups.items()):
    n = int(key[1:])
    for m in range(n % 4):
        members.append(n * 10 + m)

print(groups["g7"], sum(len(v) for v in groups.values()), groups["g24"])
