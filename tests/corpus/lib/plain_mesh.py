"""A helper module without pragmas: a class whose method changes state four and five
levels below the object a region hands it (tests/corpus/unseen_code.py)."""


class Mesh:
    def __init__(self, n):
        self.cells = [{"tags": [], "meta": {"seen": []}} for _ in range(n)]

    def tag(self, i, label):
        self.cells[i]["tags"].append(label)
        self.cells[i]["meta"]["seen"].append(i * i)


def bump(table, key):
    table[key[0]][key[1]]["count"] += 1
