"""A dict subclass with `__missing__` (an auto-vivifying counter, as code written
before `defaultdict` does): `counts[w] += 1` under critical inserts new keys through
`__missing__`."""


class AutoCount(dict):
    def __missing__(self, key):
        self[key] = 0
        return 0


words = [f"w{(i * i) % 13}" for i in range(200)]
counts = AutoCount()

# omp parallel for
for i in range(len(words)):
    # omp critical
    counts[words[i]] += 1
    # omp end critical

print(sorted(counts.items()), type(counts).__name__)
