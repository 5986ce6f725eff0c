"""A store through an item taken with `next(iter(d.values()))`, each iteration its own
place. Session 6 found it refused by the deep net; now followed as an item of `d`."""
tables = {"main": [0] * 20, "aux": [0] * 5}
# omp parallel for
for i in range(20):
    next(iter(tables.values()))[i] = i * i
print(tables["main"], tables["aux"])
