"""A class hierarchy: the base class keeps the totals and a log, a subclass method
runs a `parallel for` over `self.samples` and calls an inherited method that updates
the base class's state under critical."""


class Aggregator:
    def __init__(self):
        self.totals = {}
        self.log = []
        self.count = 0

    def record(self, key, value):
        # omp critical(agg)
        self.totals[key] = self.totals.get(key, 0) + value
        self.log.append((key, value))
        self.count += 1
        # omp end critical


class WindowedAggregator(Aggregator):
    def __init__(self, samples, width):
        super().__init__()
        self.samples = samples
        self.width = width
        self.means = [0.0] * len(samples)

    def run(self):
        # omp parallel for
        for i in range(len(self.samples)):
            lo = max(0, i - self.width)
            window = self.samples[lo : i + 1]
            self.means[i] = round(sum(window) / len(window), 6)
            self.record(i % 4, self.samples[i])
        return self


agg = WindowedAggregator([(i * 13) % 31 for i in range(90)], 3).run()
print(agg.means[:6], agg.count, sorted(agg.totals.items()), sorted(agg.log)[:4])
