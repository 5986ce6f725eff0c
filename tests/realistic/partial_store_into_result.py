"""functools.partial callbacks that store into a shared dict of results."""
import functools

results = {}


def store(table, key, value):
    table[key] = value


save = functools.partial(store, results)
# omp parallel for
for i in range(50):
    save(i, i ** 2 % 97)
print(len(results), sum(results.values()), sorted(results.items())[:3])
