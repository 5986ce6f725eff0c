"""A multiset class whose `__iadd__` merges another bag into its own list and dict
(`self.items.extend(...)`, `self.counts[k] += n`): per-shard bags built with
`shards[s] += Bag(...)`, and a global bag merged under critical with `total +=
part`, as code with operator overloading does."""


class Bag:
    def __init__(self, items=()):
        self.items = list(items)
        self.counts = {}
        for x in self.items:
            self.counts[x] = self.counts.get(x, 0) + 1

    def __iadd__(self, other):
        self.items.extend(other.items)
        for k, n in other.counts.items():
            self.counts[k] = self.counts.get(k, 0) + n
        return self


words = [f"w{(i * 7) % 11}" for i in range(120)]
shards = [Bag() for _ in range(6)]
total = Bag()

# omp parallel for
for s in range(6):
    part = Bag(words[s * 20 : (s + 1) * 20])
    shards[s] += part
    # omp critical
    total += part
    # omp end critical

print([len(b.items) for b in shards], sorted(shards[2].counts.items())[:3])
print(len(total.items), sorted(total.counts.items()))
