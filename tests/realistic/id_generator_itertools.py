"""Unique ids from a module-level `itertools.count()` drawn under critical (the Python
version of a global counter behind a lock); every item must get a distinct id."""

import itertools

_next_id = itertools.count(1)
ids = [0] * 50


def new_id():
    # omp critical(ids)
    ident = next(_next_id)
    return ident


# omp parallel for
for i in range(50):
    ids[i] = new_id()

print(sorted(ids) == list(range(1, 51)), len(set(ids)), max(ids))
