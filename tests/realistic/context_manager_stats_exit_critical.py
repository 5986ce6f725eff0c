"""A context-manager class with state: `__enter__` counts nesting per object, `__exit__` adds the block's result into a shared stats dict under an orphaned critical; used with `with` in the loop body, exceptions suppressed for one kind."""


class Section:
    stats = {}

    def __init__(self, name):
        self.name = name
        self.result = 0

    def __enter__(self):
        return self

    def __exit__(self, kind, exc, tb):
        # omp critical(section_stats)
        entry = Section.stats.setdefault(self.name, [0, 0])
        entry[0] += 1
        entry[1] += self.result
        # omp end critical
        return kind is ZeroDivisionError


out = [0] * 30
# omp parallel for
for i in range(30):
    with Section("odd" if i % 2 else "even") as s:
        s.result = 100 // (i % 7)
        out[i] = s.result
print(sorted(Section.stats.items()), sum(out))
