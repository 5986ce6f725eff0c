"""A staticmethod and a classmethod of a registry class fill class-level dicts under
critical; the key order of both is printed."""
import time


class Registry:
    names = {}
    kinds = {}

    @staticmethod
    def add(name):
        Registry.names[name] = None

    @classmethod
    def add_kind(cls, kind):
        if kind not in cls.kinds:
            cls.kinds[kind] = True


items = [[("b", "x"), ("a", "y")], [("a", "y"), ("b", "x"), ("c", "z")]]
# omp parallel for schedule(static, 1)
for i in range(2):
    if i == 0:
        time.sleep(0.2)
    for name, kind in items[i]:
        # omp critical
        Registry.add(name)
        Registry.add_kind(kind)
        # omp end critical
print(list(Registry.names), list(Registry.kinds))
