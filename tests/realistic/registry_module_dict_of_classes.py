"""A registry of classes (dict name -> class) filled by a decorator; each class
keeps a class-level list of instances made in the loop under critical."""

REGISTRY = {}


def register(cls):
    REGISTRY[cls.__name__] = cls
    cls.instances = []
    return cls


@register
class Circle:
    def __init__(self, r):
        self.r = r
        type(self).instances.append(self)


@register
class Square:
    def __init__(self, s):
        self.s = s
        type(self).instances.append(self)


# omp parallel for
for i in range(40):
    kind = "Circle" if i % 3 else "Square"
    # omp critical
    REGISTRY[kind](i)
    # omp end critical

print({k: sorted(getattr(o, "r", getattr(o, "s", None)) for o in c.instances) for k, c in sorted(REGISTRY.items())})
