"""A plain helper module (no pragmas): bins whose method is named `add`."""


class Bin:
    def __init__(self):
        self.items = []
        self.meta = {"n": 0, "log": []}
    def add(self, x):
        self.items.append(x)
        self.meta["n"] += 1
        self.meta["log"].append(x % 2)
BINS = [Bin() for _ in range(3)]
