"""Game of life with live cells in a set: candidate cells split among threads, the
next generation collected with a set-union reduction."""

live = {(1, 2), (2, 3), (3, 1), (3, 2), (3, 3), (10, 10), (10, 11), (10, 12), (30, 30), (30, 31), (31, 30), (31, 31)}


def neighbours(c):
    r, k = c
    return [(r + dr, k + dc) for dr in (-1, 0, 1) for dc in (-1, 0, 1) if dr or dc]


for gen in range(20):
    candidates = sorted(live | {n for c in live for n in neighbours(c)})
    born = set()
    # omp parallel for reduction(|:born)
    for cell in candidates:
        n = sum(1 for x in neighbours(cell) if x in live)
        if n == 3 or (n == 2 and cell in live):
            born |= {cell}
    live = born

print(len(live), sorted(live)[:6])
