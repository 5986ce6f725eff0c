"""A module-global Counter merged with `+=` by a helper (`global totals; totals +=
Counter(...)`: Counter.__iadd__ changes it in place and rebinds the name) under a
named critical; word lengths from each line."""

from collections import Counter

totals = Counter()
lines = [" ".join(f"w{(i * j) % 9}" * (j % 3 + 1) for j in range(6)) for i in range(40)]


def merge(line):
    global totals
    local = Counter(len(w) for w in line.split())
    # omp critical(totals)
    totals += local
    # omp end critical


# omp parallel for
for i in range(len(lines)):
    merge(lines[i])

print(sorted(totals.items()))
