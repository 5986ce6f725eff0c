"""Session 9's red-team findings (issue 9, round 6), each as the smallest program that
crashed, was refused although race-free, or gave a poor message (docs/correctness.md,
"Session 9")."""

from __future__ import annotations

import pytest
from helpers import run_omppy, run_python, without_gil_notice

pytestmark = pytest.mark.slow

BACKENDS = ("fork", "threads")


def same_as_python(write, name: str, text: str, threads: int, backend: str = "fork") -> None:
    script = write(name, text)
    want = run_python(script)
    assert want.status == 0, want.err
    got = run_omppy("run", str(script), threads=threads, env={"OMPPY_BACKEND": backend})
    assert (got.status, got.out) == (0, want.out), without_gil_notice(got.err)


# max/min reductions of objects of a functools.total_ordering class: the identity was
# a sentinel, and the class's generated __gt__ read `other.parts` of it
# (AttributeError: '_Extreme' object has no attribute 'parts', at 1-4 threads, both
# backends).  Also the `if s is None or v < s: s = v` idiom, refused at translate
# time before ("'worst' is read in '# omp parallel for'").
TOTAL_ORDERING = """\
import functools


@functools.total_ordering
class Version:
    def __init__(self, text):
        self.parts = tuple(int(p) for p in text.split("."))

    def __eq__(self, other):
        return self.parts == other.parts

    def __lt__(self, other):
        return self.parts < other.parts

    def __repr__(self):
        return "v" + ".".join(map(str, self.parts))


newest = Version("0.0.0")
best = None
worst = None
# omp parallel for reduction(max:newest,best) reduction(min:worst)
for i in range(200):
    v = Version(f"{i % 4}.{(i * 7) % 11}.{(i * 13) % 5}")
    newest = max(newest, v)
    best = v if best is None else max(best, v)
    if worst is None or v < worst:
        worst = v
print(newest, best, worst)
"""


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("threads", [1, 3])
def test_max_min_of_total_ordering_objects(write, threads, backend):
    same_as_python(write, "versions.py", TOTAL_ORDERING, threads, backend)


# A C array reduction ported as is: `+` on a list concatenates, each thread's copy is
# an empty list, and the item update raised a bare IndexError at the user's line.
LIST_ITEM_REDUCTION = """\
data = [(i * 7) % 5 for i in range(100)]
cnt = [0] * 5
# omp parallel for reduction(+:cnt)
for i in range(len(data)):
    cnt[data[i]] += 1
print(cnt)
"""


@pytest.mark.parametrize("backend", BACKENDS)
def test_list_reduction_updated_by_item_is_a_clear_error(write, backend):
    script = write("counts.py", LIST_ITEM_REDUCTION)
    got = run_omppy("run", str(script), threads=2, env={"OMPPY_BACKEND": backend})
    assert got.status == 1 and got.out == ""
    last = without_gil_notice(got.err).strip().splitlines()[-1]
    assert last == (
        f"omppy.runtime.errors.OmpError: {script}:5: an item of 'cnt' is updated (cnt[0]) "
        "under reduction(+:cnt), but 'cnt' is a list and '+' on lists concatenates: each "
        "thread's copy of 'cnt' starts as an empty list, which has no items (python's "
        "answer would be lost). For a reduction item by item, make 'cnt' a numpy array "
        "(cnt = numpy.zeros(n, dtype=int)): reduction(+:cnt) then adds the threads' arrays "
        "element-wise; or leave 'cnt' out of the reduction and update it under "
        "'# omp atomic' or '# omp critical'"
    )
    assert "/omppy/" not in got.err.replace(str(script), "")


# Functions made in the region and kept in shared data: a lambda stored by index, a
# closure a factory returns stored under critical, a counter's inc/get pair (one
# nonlocal cell: it must stay one cell), a function a decorator registers, a lambda
# in a lastprivate.  All were refused on the fork backend ("Can't pickle local
# object '_omp_parallel_for_2.<locals>.<lambda>'", or for the lastprivate "thread 1
# could not send its results").
CLOSURES = """\
RULES = {}


def rule(name):
    def register(fn):
        # omp critical(rules)
        RULES[name] = fn
        return fn

    return register


def counter(start):
    n = start

    def inc():
        nonlocal n
        n += 1
        return n

    def get():
        return n

    return inc, get


shifts = [None] * 8
pairs = [None] * 8
last = None
# omp parallel for lastprivate(last)
for i in range(8):
    shifts[i] = lambda x, i=i: x * i - 3
    pairs[i] = counter(i * 10)
    pairs[i][0]()
    last = lambda x, i=i: x + i

    @rule(f"r{i}")
    def score(x, w=i % 3 + 1):
        return x * w


for inc, _ in pairs:
    inc()
print([f(5) for f in shifts], [get() for _, get in pairs], last(100))
print(sorted((name, fn(7)) for name, fn in RULES.items()))
"""


@pytest.mark.parametrize("threads", [2, 4])
def test_functions_made_in_the_region_are_carried(write, threads):
    same_as_python(write, "closures.py", CLOSURES, threads)


# An exception object of a class whose __init__ takes other arguments than its
# message, kept in shared data: pickle rebuilds it by calling the class with its
# args, and the master crashed ("TypeError: BadRecord.__init__() missing 1 required
# positional argument: 'reason'").
EXCEPTIONS = """\
class BadRecord(Exception):
    def __init__(self, index, reason):
        super().__init__(f"record {index}: {reason}")
        self.index = index
        self.reason = reason


errors = []
found = []
last = None
# omp parallel for reduction(+:found) lastprivate(last)
for i in range(40):
    last = BadRecord(i, "last")
    try:
        if i % 7 == 3:
            raise BadRecord(i, "checksum")
    except BadRecord as e:
        # omp critical
        errors.append(e)
        found.append(e)
print(sorted((e.index, e.reason, str(e)) for e in errors))
print([(e.index, e.args) for e in found], last.index, last.reason, str(last))
"""


@pytest.mark.parametrize("threads", [2, 3])
def test_exceptions_with_their_own_init_are_carried(write, threads):
    same_as_python(write, "errors.py", EXCEPTIONS, threads)


# A namedtuple defined inside main(): still refused (pickle cannot name the class),
# now with what to do.
LOCAL_CLASS = """\
from collections import namedtuple


def main():
    Rec = namedtuple("Rec", "i sq")
    out = [None] * 8
    # omp parallel for
    for i in range(8):
        out[i] = Rec(i, i * i)
    print(out)


main()
"""


def test_a_class_defined_in_a_function_is_named_in_the_refusal(write):
    script = write("local.py", LOCAL_CLASS)
    got = run_omppy("run", str(script), threads=2)
    assert got.status == 1 and got.out == ""
    assert got.err.strip().splitlines()[-1] == (
        "omppy.runtime.errors.OmpError: a change to out cannot be handed between omppy's "
        "threads, which are processes: pickling it failed (Can't pickle <class "
        "'__main__.Rec'>: attribute lookup Rec on __main__ failed). An instance of a class "
        "defined inside a function (or such a function, where omppy cannot find its code) "
        "cannot be pickled: define it at module level"
    )


# Small numpy arrays held by objects are compared element by element: -0.0 written
# over 0.0 (a sign flip, `v[:] = -v`) compared equal and was lost: python
# `[3, 3, 3, 3, 3, 3, 3, 3]`, omppy at 2 threads `[3, 3, 3, 3, 0, 0, 0, 0]` (exit 0).
# An unchanged NaN compared unequal (sent again, harmless); now neither.
SIGNED_ZEROS = """\
import numpy as np


class Body:
    def __init__(self, k):
        self.v = np.zeros(3)
        self.w = np.array([np.nan, 1.0, 0.0])
        self.c = np.zeros(2, dtype=complex)
        self.k = k


bodies = [Body(k) for k in range(8)]
# omp parallel for
for i in range(8):
    b = bodies[i]
    b.v[:] = -b.v
    b.w[2] = -b.w[2] * b.k
    b.c *= -1
print([int(np.signbit(b.v).sum()) for b in bodies])
print([int(np.signbit(b.w).sum()) for b in bodies], [str(b.c[0]) for b in bodies])
"""


@pytest.mark.parametrize("threads", [2, 4])
def test_a_sign_flip_of_zeros_in_small_arrays_is_carried(write, threads):
    same_as_python(write, "zeros.py", SIGNED_ZEROS, threads)


# A file opened before the region and written under critical / ordered: a worker's
# lines waited in its own copy of the file's buffer and were lost when it ended
# (python 41 lines, omppy at 3 threads 14, exit 0); the master's text buffered before
# the fork would be written twice.
FILE_WRITES = """\
import os
import tempfile

path = os.path.join(tempfile.mkdtemp(), "log.txt")


class Logger:
    def __init__(self, p):
        self.fh = open(p + ".rows", "w")

    def row(self, i, v):
        self.fh.write(f"{i},{v}\\n")


log = open(path, "w")
log.write("header\\n")
rows = Logger(path)
# omp parallel for ordered schedule(dynamic, 2)
for i in range(40):
    v = i * i % 17
    # omp critical
    rows.row(i, v)
    # omp ordered
    log.write(f"{i} {v}\\n")
log.close()
rows.fh.close()
with open(path) as f:
    text = f.read()
with open(path + ".rows") as f:
    lines = sorted(f.read().splitlines(), key=lambda s: int(s.split(",")[0]))
print(text == "header\\n" + "".join(f"{i} {i * i % 17}\\n" for i in range(40)))
print(len(lines), lines[:3], lines[-1])
"""


@pytest.mark.parametrize("threads", [2, 3])
def test_files_written_in_blocks_are_flushed(write, threads):
    same_as_python(write, "files.py", FILE_WRITES, threads)
