"""Nested parallel regions: outer over blocks, inner parallel for over a row."""
grid = [[(r * 31 + c) % 19 for c in range(20)] for r in range(8)]
sums = [0] * 8
# omp parallel for
for r in range(8):
    row = grid[r]
    s = 0
    # omp parallel for reduction(+:s)
    for c in range(20):
        s += row[c] * row[c]
    sums[r] = s
print(sums)
