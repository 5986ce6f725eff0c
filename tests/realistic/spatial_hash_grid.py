"""A spatial hash: points binned into a dict of lists keyed by cell under critical,
then neighbour counts per point computed in parallel from the grid."""

pts = [(((i * 37) % 101) / 10.0, ((i * 59) % 103) / 10.0) for i in range(400)]
R = 1.0
grid = {}

# omp parallel for
for i in range(len(pts)):
    cell = (int(pts[i][0] // R), int(pts[i][1] // R))
    # omp critical
    grid.setdefault(cell, []).append(i)

near = [0] * len(pts)
# omp parallel for schedule(dynamic, 16)
for i in range(len(pts)):
    x, y = pts[i]
    cx, cy = int(x // R), int(y // R)
    c = 0
    for dx in (-1, 0, 1):
        for dy in (-1, 0, 1):
            for j in grid.get((cx + dx, cy + dy), ()):
                if j != i and (pts[j][0] - x) ** 2 + (pts[j][1] - y) ** 2 <= R * R:
                    c += 1
    near[i] = c

print(len(grid), sum(near), max(near), near[:10])
