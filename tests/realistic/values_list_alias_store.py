"""`vals = list(d.values())` then `vals[i].append(..)`, each iteration its own item.
Session 6 found it refused by the deep net; a name bound to a new list of a
container's items is now followed as those items."""
d = {k: [] for k in range(6)}
# omp parallel for
for i in range(6):
    vals = list(d.values())
    vals[i].append(i * 10)
    vals[i].append(i * 11)
print(d)
