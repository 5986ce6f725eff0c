"""Nested parallel regions: an outer `parallel for` over blocks, each calling a helper with its own `parallel for` over the block's rows (inactive unless nesting is enabled), rows stored by index; the inner loop's `+` reduction returned."""


def block_sum(grid, lo, hi):
    s = 0
    # omp parallel for reduction(+:s)
    for r in range(lo, hi):
        row = [grid[r][c] * 2 for c in range(len(grid[r]))]
        grid[r] = row
        s += sum(row)
    return s


grid = [[(r * 5 + c) % 9 for c in range(7)] for r in range(24)]
sums = [0] * 4
# omp parallel for
for b in range(4):
    sums[b] = block_sum(grid, b * 6, b * 6 + 6)
print(sums, sum(map(sum, grid)), grid[23])
