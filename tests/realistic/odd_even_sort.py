"""Odd-even transposition sort in one region: in each phase a `for` compares disjoint
pairs and swaps them in place; the implied barrier separates the phases."""

a = [(i * 7919) % 1000 for i in range(120)]
n = len(a)

# omp parallel
for phase in range(n):
    # omp for
    for i in range(phase % 2, n - 1, 2):
        if a[i] > a[i + 1]:
            a[i], a[i + 1] = a[i + 1], a[i]

print(a == sorted(a), a[:8], a[-3:])
