"""functools.cached_property on per-item objects: the first access stores the value
into the instance's __dict__; each iteration reads its own object's property, and a
later loop counts how many objects have it cached.

Found giving a different answer with exit status 0 (the cached values the workers
stored were lost: objects of a class with a cached_property are now watched a few
levels down when a container holding them is watched)."""

import functools


class Spectrum:
    computed = 0

    def __init__(self, n):
        self.n = n

    @functools.cached_property
    def peak(self):
        return max((k * self.n) % 97 for k in range(50))


items = [Spectrum(i) for i in range(60)]
peaks = [0] * len(items)
# omp parallel for
for i in range(len(items)):
    if i % 3:
        peaks[i] = items[i].peak

print(sum(peaks), sum("peak" in vars(s) for s in items))
