"""A `parallel for` over a generator of work items (`(x, y)` pairs filtered by a
condition), each writing its result into a dict keyed by the item; the dict printed
sorted."""


def tiles(n):
    for x in range(n):
        for y in range(n):
            if (x + y) % 3:
                yield x, y


area = {}
# omp parallel for
for x, y in tiles(12):
    v = (x * 31 + y * 17) % 23
    # omp critical
    area[(x, y)] = v

print(len(area), sum(area.values()), sorted(area.items())[:4])
