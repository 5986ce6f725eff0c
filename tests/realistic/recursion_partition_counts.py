"""Counting integer partitions into distinct parts by plain recursion (no memo) per
item, and the depth of each recursion kept by index."""


def count(n, max_part, depth, deepest):
    deepest[0] = max(deepest[0], depth)
    if n == 0:
        return 1
    total = 0
    for p in range(min(n, max_part), 0, -1):
        total += count(n - p, p - 1, depth + 1, deepest)
    return total


ways = [0] * 36
depth = [0] * 36
# omp parallel for schedule(dynamic)
for n in range(36):
    d = [0]
    ways[n] = count(n, n, 0, d)
    depth[n] = d[0]
print(ways[-6:], depth[-6:], sum(ways))
