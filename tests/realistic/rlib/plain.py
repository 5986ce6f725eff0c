"""A plain module without pragmas, for the minimal bug programs: a module-level list
that a function appends to, and a class whose method changes nested state."""

found = []


def record(x):
    found.append(x)


class Mesh:
    def __init__(self):
        self.cells = [{"v": 0} for _ in range(4)]

    def touch(self, i):
        self.cells[i]["v"] = 1



class Cells:
    def __init__(self):
        self.cells = [{"tags": []} for _ in range(4)]

    def tag(self, i):
        self.cells[i]["tags"].append("x")
