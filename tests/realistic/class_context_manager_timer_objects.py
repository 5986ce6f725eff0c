"""A context-manager class that counts entries and tracks nesting depth in the
object; each iteration uses its own Tracker object (stored by index)."""


class Tracker:
    def __init__(self, name):
        self.name = name
        self.entries = 0
        self.depth = 0
        self.max_depth = 0

    def __enter__(self):
        self.entries += 1
        self.depth += 1
        self.max_depth = max(self.max_depth, self.depth)
        return self

    def __exit__(self, *exc):
        self.depth -= 1
        return False


trackers = [Tracker(f"t{i}") for i in range(64)]

# omp parallel for schedule(dynamic)
for i in range(len(trackers)):
    t = trackers[i]
    for k in range(i % 5 + 1):
        with t:
            if k % 2:
                with t:
                    pass

print(sum(t.entries for t in trackers), max(t.max_depth for t in trackers),
      [t.depth for t in trackers].count(0))
