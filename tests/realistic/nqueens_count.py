"""Counting N-queens solutions: the first-row placements are split among threads with
a dynamic schedule, each counted by a recursive solver; a sum reduction, and the
first solution of each placement stored by index."""

N = 7


def solve(row, cols, d1, d2, placed, first):
    if row == N:
        if not first:
            first.append(tuple(placed))
        return 1
    count = 0
    for c in range(N):
        if c not in cols and (row - c) not in d1 and (row + c) not in d2:
            placed.append(c)
            count += solve(row + 1, cols | {c}, d1 | {row - c}, d2 | {row + c}, placed, first)
            placed.pop()
    return count


total = 0
firsts = [None] * N
# omp parallel for reduction(+:total) schedule(dynamic)
for c0 in range(N):
    first = []
    total += solve(1, {c0}, {-c0}, {c0}, [c0], first)
    firsts[c0] = first[0] if first else None

print(total, firsts)
