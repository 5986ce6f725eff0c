"""Generators made per iteration (`yield from` over a nested walk) consumed in the body, and a module-level generator of jobs consumed only by a `for` of the master before the region (the region reads the list it made)."""


def walk(tree):
    if isinstance(tree, list):
        for sub in tree:
            yield from walk(sub)
    else:
        yield tree


def make_tree(i):
    return [i, [i + 1, [i * 2, i * 3]], [[i % 5]]]


def jobs(n):
    for k in range(n):
        yield k * 3


work = [j for j in jobs(18)]
flat = [None] * len(work)
# omp parallel for
for k in range(len(work)):
    gen = walk(make_tree(work[k]))
    first = next(gen)
    flat[k] = (first, sum(gen))
print(flat[:5], sum(b for _, b in flat))
