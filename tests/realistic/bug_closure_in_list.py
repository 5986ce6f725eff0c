"""FIXED (minimal, from closure_factory_accumulators): closures made at run time and
kept in a list, each appending to its own enclosed list: the cells were reached only
through the functions, which omppy never looked into. python `[[0], [1], [2],
[3]]`, omppy at 2 threads `[[0], [1], [], []]` (exit 0)."""


def make_closure():
    items = []

    def add(v):
        items.append(v)

    return add, lambda: items


accs = [make_closure() for _ in range(4)]
# omp parallel for
for k in range(4):
    add = accs[k][0]
    add(k)
print([get() for _, get in accs])
