"""FIXED (minimal, from classmethod_registry): a classmethod appending to lists held
by a class-level dict (`cls.registry.setdefault(k, []).append(key)`), called under
critical: a class's attributes were watched one level only, so the appends of
other threads to lists that existed already were lost: python `{0: [0, 3, 6], 1:
[1, 4, 7], 2: [2, 5, 8]}`, omppy at 2 threads `{0: [0, 3], 1: [1, 4], 2: [2]}`
(exit 0). Now a class the region changes through is watched as deep as the
translator says (omppy/runtime/watch.py)."""


class Node:
    registry = {}

    @classmethod
    def make(cls, key):
        cls.registry.setdefault(key % 3, []).append(key)


# omp parallel for
for i in range(9):
    # omp critical
    Node.make(i)
    # omp end critical
print({k: sorted(v) for k, v in sorted(Node.registry.items())})
