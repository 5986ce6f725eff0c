"""Accumulators made by a factory function: each is a closure over its own list and
counter (`nonlocal`); a list of them is called by index in a parallel loop, each
accumulator by one iteration only."""


def make_acc(name):
    items = []
    count = 0

    def add(v):
        nonlocal count
        items.append(v)
        count += 1
        return count

    def report():
        return name, count, sum(items)

    return add, report


accs = [make_acc(f"a{k}") for k in range(20)]

# omp parallel for
for k in range(20):
    add = accs[k][0]
    for v in range(k % 5 + 1):
        add(v * k)

print([accs[k][1]() for k in (0, 3, 19)], sum(accs[k][1]()[2] for k in range(20)))
