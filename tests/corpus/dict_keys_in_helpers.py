"""Dict keys a synchronisation block touches through the functions and methods it
calls, or only tests, take the places python gives them (docs/data-sharing.md, "Dict
insertion order"): a memo filled by a helper under ``critical`` (the C way: the
critical around the call), a memo behind an orphaned ``critical`` that only tests
the key (``if k not in memo``) or returns from inside the block, a method marking a
set-like dict (the same object stored again), a helper calling another helper, a
recursive helper, a mutable default, a one-line helper, a dict reached through a
property, and a helper nested in the function that runs the region.  The first chunk
sleeps before its blocks, so at two threads and more a later chunk's block comes
first and finds the keys there."""

import time

WORDS = "the cat sat on the mat and the dog sat on the log by the cat".split()
CHUNKS = [WORDS[i : i + 4] for i in range(0, len(WORDS), 4)]
CHUNKS = [list(reversed(c)) if n % 2 else c for n, c in enumerate(CHUNKS)]


def late(n):
    if n == 0:
        time.sleep(0.05)


memo = {}
tested = {}
returned = {}
counted = {}
deep = {}
defaults = {}
lines = {}


def lookup(w):
    if w not in memo:
        memo[w] = len(w)
    return memo[w]


def test_first(w):
    # omp critical(tested)
    if w not in tested:
        tested[w] = w.upper()
    # omp end critical
    return tested[w]


def early_return(w):
    # omp critical(returned)
    if w in returned:
        return returned[w]
    # omp end critical
    value = w[::-1]
    # omp critical(returned)
    returned[w] = value
    # omp end critical
    return value


def count(w):
    bump(w, 1)


def bump(w, by):
    counted[w] = counted.get(w, 0) + by


def depth(w, n=2):
    if n:
        return depth(w, n - 1)
    deep.setdefault(w, []).append(len(w))
    return 0


def remember(w, into=defaults):
    into[w] = True


def note(w): lines[w] = 1  # noqa: E704


class Marks:
    def __init__(self):
        self._keys = {}
        self.reads = 0

    def mark(self, w):
        self._keys[w] = True

    @property
    def keys(self):
        self.reads += 1
        return self._keys


marks = Marks()
through = Marks()
total = 0
# omp parallel for schedule(dynamic) reduction(+:total)
for n in range(len(CHUNKS)):
    late(n)
    for w in CHUNKS[n]:
        # omp critical
        total += lookup(w)
        total += len(test_first(w)) + len(early_return(w))
        # omp critical
        count(w)
        depth(w)
        remember(w)
        note(w)
        # omp end critical
        # omp critical
        marks.mark(w)
        # omp critical
        through.keys[w] = n
print(total)
for d in (memo, tested, returned, counted, deep, defaults, lines, marks._keys):
    print(list(d.items()))
print(list(through._keys), through.reads)  # (the values: whichever block came last)


def nested(chunks):
    """A helper nested in the function that runs the region (its memo a variable of
    the function), called under critical."""
    seen = {}

    def visit(w):
        if w not in seen:
            seen[w] = len(w)

    # omp parallel for schedule(dynamic)
    for n in range(len(chunks)):
        late(n)
        for w in chunks[n]:
            # omp critical
            visit(w)
    return list(seen.items())


print(nested(CHUNKS))
