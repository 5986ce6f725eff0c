"""A generator pipeline per chunk (private: made inside the iteration), and results
kept in a shared list of tuples by chunk index; a module-level `itertools.chain`
flattening after the region; generator expressions feed a reduction."""

import itertools


def read(chunk):
    for v in chunk:
        yield v * 3 % 17


def clean(stream):
    for v in stream:
        if v % 4:
            yield v


chunks = [list(range(i * 20, i * 20 + 20)) for i in range(25)]
per_chunk = [()] * len(chunks)
total = 0

# omp parallel for reduction(+:total)
for i in range(len(chunks)):
    got = tuple(clean(read(chunks[i])))
    per_chunk[i] = got
    total += sum(v for v in got if v > 5)

flat = list(itertools.chain.from_iterable(per_chunk))
print(total, len(flat), flat[:8], per_chunk[3][:4])
