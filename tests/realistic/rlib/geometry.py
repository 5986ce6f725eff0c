"""A plain helper module (no pragmas): a mesh class whose methods change nested
state several levels down."""


class Mesh:
    def __init__(self, n):
        self.cells = [{"value": 0.0, "tags": []} for _ in range(n)]
        self.stats = {"touched": [0] * n}

    def relax(self, i):
        cell = self.cells[i]
        cell["value"] = round((i % 7) * 0.5 + len(cell["tags"]), 3)
        cell["tags"].append("relaxed")
        self.stats["touched"][i] += 1
