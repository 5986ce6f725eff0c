"""A descriptor with __set_name__ validating and storing into each instance's __dict__;
every iteration sets fields of its own object."""


class Bounded:
    def __init__(self, lo, hi):
        self.lo, self.hi = lo, hi

    def __set_name__(self, owner, name):
        self.name = "_" + name

    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        return obj.__dict__.get(self.name, self.lo)

    def __set__(self, obj, value):
        obj.__dict__[self.name] = min(self.hi, max(self.lo, value))


class Pixel:
    r = Bounded(0, 255)
    g = Bounded(0, 255)

    def __init__(self):
        self.r = 0
        self.g = 0


px = [Pixel() for _ in range(64)]
# omp parallel for
for i in range(64):
    px[i].r = i * 9 - 100
    px[i].g = px[i].r + 40
print([(p.r, p.g) for p in px[::9]], sum(p.g for p in px))
