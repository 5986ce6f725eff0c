"""A subclass (in the program) of a base class from another module (`s14pkg.base`):
the base's `collect` fills `self.found` and calls the subclass's `normalise`."""
import time

from s14pkg.base import Collector


class Trimmed(Collector):
    def normalise(self, item):
        return item.strip()


col = Trimmed()
chunks = [[" y", "x ", "z"], ["x", "y ", "w"]]
# omp parallel for schedule(static, 1)
for c in range(2):
    if c == 0:
        time.sleep(0.2)
    for it in chunks[c]:
        # omp critical
        col.collect(it)
print(list(col.found))
