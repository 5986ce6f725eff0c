"""FIXED (minimal, from descriptor_audit_log): a data descriptor whose `__set__`
appends to the descriptor's own list; the class attribute was watched one level
only: python `[0, 0, 1, ..., 50]`, omppy at 2 threads `[0, 0, 1, 2, 3, 4, 5, 10,
20]` (exit 0). Now a program's data descriptor is watched a few levels down and
compared by every block."""


class Audited:
    def __init__(self):
        self.log = []

    def __set_name__(self, owner, name):
        self.name = "_" + name

    def __get__(self, obj, objtype=None):
        return getattr(obj, self.name)

    def __set__(self, obj, value):
        self.log.append(value)
        setattr(obj, self.name, value)


class Item:
    price = Audited()

    def __init__(self, p):
        self.price = p


items = [Item(i) for i in range(6)]
# omp parallel for
for i in range(6):
    # omp critical
    items[i].price = i * 10
    # omp end critical
print(sorted(Item.__dict__["price"].log))
