"""Plugins registered with `__init_subclass__` before the region; the region creates
instances by name from the class-level registry and each counts its runs in a
class-level counter under atomic."""


class Filter:
    registry = {}
    runs = 0

    def __init_subclass__(cls, name, **kw):
        super().__init_subclass__(**kw)
        Filter.registry[name] = cls

    def __call__(self, xs):
        # omp atomic
        Filter.runs += 1
        return self.apply(xs)


class Mean(Filter, name="mean"):
    def apply(self, xs):
        return sum(xs) / len(xs)


class Spread(Filter, name="spread"):
    def apply(self, xs):
        return max(xs) - min(xs)


class Median(Filter, name="median"):
    def apply(self, xs):
        s = sorted(xs)
        return s[len(s) // 2]


names = sorted(Filter.registry)
data = [[(i * j * 7) % 23 for j in range(1, 10)] for i in range(60)]
out = [0.0] * 60
# omp parallel for
for i in range(60):
    f = Filter.registry[names[i % 3]]()
    out[i] = f(data[i])
print(names, Filter.runs, round(sum(out), 6))
