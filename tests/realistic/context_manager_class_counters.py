"""A resource class used as a context manager per item: `__enter__`/`__exit__` count
opens and closes in class-level counters under named critical sections."""


class Probe:
    opened = 0
    closed = 0
    peak_ids = []

    def __init__(self, ident):
        self.ident = ident
        self.readings = []

    def __enter__(self):
        # omp critical(probe)
        Probe.opened += 1
        return self

    def __exit__(self, kind, value, tb):
        # omp critical(probe)
        Probe.closed += 1
        if max(self.readings) > 90:
            # omp critical(peaks)
            Probe.peak_ids.append(self.ident)
        return False

    def read(self, k):
        r = (self.ident * 31 + k * 17) % 97
        self.readings.append(r)
        return r


sums = [0] * 64
# omp parallel for schedule(static, 3)
for i in range(64):
    with Probe(i) as p:
        sums[i] = sum(p.read(k) for k in range(5))
print(Probe.opened, Probe.closed, sorted(Probe.peak_ids))
print(sum(sums))
