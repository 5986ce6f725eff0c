"""Grouping into a defaultdict(list) of a helper module with pragmas (rpkg.store.put,
an orphaned critical) and into the program's own defaultdict(set) under critical."""

from collections import defaultdict

from rpkg import store

groups = defaultdict(set)
words = [
    "apple",
    "avocado",
    "banana",
    "blueberry",
    "cherry",
    "cranberry",
    "date",
    "fig",
    "grape",
    "guava",
]

# omp parallel for
for i in range(len(words) * 3):
    w = words[i % len(words)]
    store.put(w[0], (w, i))
    # omp critical
    groups[len(w)].add(w)
    # omp end critical

print(sorted((k, sorted(v)) for k, v in store.table.items())[:3])
print(sorted((k, sorted(v)) for k, v in groups.items()))
