"""A plain helper module (no pragmas) whose functions change nested module-level
state: a dict of lists, a dict of dicts of lists, an object whose method is named like
a container's (``put``), and a function named ``add`` (a name numpy also has)."""

seen = {}
tree = {}
items = []
calls = [0]


def note(key, value):
    seen.setdefault(key, []).append(value)
    calls[0] += 1


def put(kind, sub, value):
    tree.setdefault(kind, {}).setdefault(sub, []).append(value)


def add(value):
    items.append(value)


class Store:
    def __init__(self):
        self.by_kind = {}

    def put(self, kind, sub, value):
        self.by_kind.setdefault(kind, {}).setdefault(sub, []).append(value)


store = Store()
