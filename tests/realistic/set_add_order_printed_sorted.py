"""Sets filled under critical; printed as lists (set order: hash order)."""
small = set()
# omp parallel for
for i in range(40):
    # omp critical
    small.add((i * 7) % 13)
print(list(small), len(small))
