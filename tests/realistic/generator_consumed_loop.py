"""A generator expression and a generator function consumed as the iterable of a
`parallel for` (the C programmer's loop over 'items'): each item is a tuple, results
land by index."""


def records(n):
    for k in range(n):
        yield k, (k * 13) % 29, f"r{k}"


out = [None] * 60
lens = [0] * 60

# omp parallel for
for k, v, name in records(60):
    out[k] = (name, v * v)

# omp parallel for schedule(dynamic, 4)
for k, word in ((j, "ab" * (j % 5)) for j in range(60)):
    lens[k] = len(word)

print(out[:3], out[-1], sum(lens))
