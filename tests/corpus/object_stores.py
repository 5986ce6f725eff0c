"""Item and attribute stores on shared Python objects in loop bodies: list items,
dict items (existing and new keys), nested `grid[i][j]`, `objs[i].attr`, and
different attributes of one object written by different iterations."""


class Box:
    def __init__(self, label):
        self.label = label
        self.total = 0


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __repr__(self):
        return f"Point({self.x}, {self.y})"


class Summary:
    pass


def main():
    n = 20

    results = [None] * n
    # omp parallel for
    for i in range(n):
        results[i] = i * i - 3
    print("list", results)

    pts = [None] * n
    # omp parallel for schedule(dynamic)
    for i in range(n):
        pts[i] = Point(i, -i)
    print("objects in list", pts[:3], pts[-1])

    table = {k: 0 for k in "abcdefgh"}
    # omp parallel for
    for i, k in enumerate("abcdefgh"):
        table[k] = ord(k) * i
    print("dict existing keys", table)

    new = {}
    # omp parallel for
    for i in range(n):
        new[f"k{i:02d}"] = i % 3
    print("dict new keys", sorted(new.items()))

    pairs = {}
    # omp parallel for
    for i in range(n):
        pairs[(i, i + 1)] = [i] * (i % 3)
    print("tuple keys", len(pairs), pairs[(4, 5)], pairs[(19, 20)])

    grid = [[0] * 5 for _ in range(4)]
    # omp parallel for
    for i in range(4):
        for j in range(5):
            grid[i][j] = i * 5 + j
    print("nested", grid)

    rows = {r: {"sq": None, "neg": None} for r in range(6)}
    # omp parallel for
    for r in range(6):
        rows[r]["sq"] = r * r
        rows[r]["neg"] = -r
    print("nested dict", rows)

    boxes = [Box(f"b{i}") for i in range(n)]
    # omp parallel for schedule(static, 2)
    for i in range(n):
        boxes[i].total = sum(range(i))
        boxes[i].label = boxes[i].label.upper()
    print("attributes", [(b.label, b.total) for b in boxes])

    summary = Summary()
    summary.first = summary.last = None
    # omp parallel for
    for i in range(n):
        if i == 0:
            summary.first = i - 100
        if i == n - 1:
            summary.last = i + 100
    print("one object", summary.first, summary.last)


if __name__ == "__main__":
    main()
