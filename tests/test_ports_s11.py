"""Session 11's ports of other people's programs (pyperformance, the OpenMP Examples
book, Rosetta Code, library tutorials; tests/realistic/pyperf_*, omp_ex_*, ...): each
bug they found, as the smallest program that gave a different answer with exit
status 0, or was refused though OpenMP allows it (docs/correctness.md, "Session 11")."""

from __future__ import annotations

import pytest
from helpers import run_omppy
from test_ports_s10 import BACKENDS, same_as_python

# copyprivate.1: an orphaned `single copyprivate(x)` in a function, x a threadprivate
# global the function declares `global`. The single read the names it hands out from
# the function's locals only: the other threads kept 0.0 ([0.0, 3.5] for [3.5]).
ORPHANED_COPYPRIVATE_THREADPRIVATE = """\
x = 0.0
# omp threadprivate(x)


def init():
    global x
    # omp single copyprivate(x)
    x = 3.5
    # omp end single


held = []
# omp parallel
init()
# omp critical
held.append(x)
# omp end critical
# omp end parallel
print(sorted(set(held)))
"""


@pytest.mark.parametrize("backend", BACKENDS)
def test_orphaned_copyprivate_hands_out_threadprivate_globals(write, backend):
    same_as_python(write, "cp_tp.py", ORPHANED_COPYPRIVATE_THREADPRIVATE, 2, backend)


# pyperformance's scimark: a sparse matrix-vector product storing y[r] into an
# array('d') by row in a `parallel for`, and LU rows that are arrays. An array.array
# was compared whole by its pickle: disjoint stores by two threads were refused as
# "both changed y ... (a data race in OpenMP)". Now its changed elements are carried.
STD_ARRAY_DISJOINT_STORES = """\
from array import array

y = array('d', [0.0]) * 40
rows = [array('i', [0]) * 5 for _ in range(6)]


def put(r):
    y[r] = r * 0.5


# omp parallel for
for r in range(40):
    put(r)
# omp parallel for
for ii in range(6):
    for jj in range(5):
        rows[ii][jj] = ii * 10 + jj
out = array('q')
# omp parallel for
for i in range(12):
    # omp critical
    out.append(i * i)
    # omp end critical
print(sum(y), [list(r) for r in rows], sorted(out))
"""


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("threads", [2, 3])
def test_std_array_disjoint_stores_are_carried(write, threads, backend):
    same_as_python(write, "std_array.py", STD_ARRAY_DISJOINT_STORES, threads, backend)


STD_ARRAY_SAME_ELEMENT = """\
from array import array

out = array('i', [0] * 4)
# omp parallel for
for i in range(8):
    out[0] = i
print(out.tolist())
"""


def test_std_array_same_element_by_two_threads_is_a_race(write):
    script = write("std_array_race.py", STD_ARRAY_SAME_ELEMENT)
    got = run_omppy("run", str(script), threads=2)
    assert got.status == 1
    assert "thread 0 and thread 1 both changed out[0], in the region at" in got.err


def test_std_array_shadow_runs_are_whole_elements():
    from array import array

    from omppy.runtime.buffers import StdArrayShadow

    a = array("d", [0.0]) * 10
    shadow = StdArrayShadow(a)
    assert shadow.diff(a) is None
    a[3] = 1.0  # one byte of its eight differs from 0.0's: the run is still element 3
    a[4] = 2.0
    a[9] = -0.0
    change = shadow.diff(a)
    assert change == ("Y", [(3, array("d", [1.0, 2.0])), (9, array("d", [-0.0]))])
    b = array("d", [0.0]) * 10
    StdArrayShadow(b).apply(b, change)
    assert b.tobytes() == a.tobytes()
    a.extend([5.0, 6.0])
    grown = shadow.diff(a)
    assert grown is not None and grown[0] == "B"
    b = array("d", [0.0]) * 10
    StdArrayShadow(b).apply(b, grown)
    assert b.tobytes() == a.tobytes()


# tasking.10: a task sets an OpenMP lock, creates a child task while holding it (a
# task scheduling point), and unsets it; the lock is shared with the tasks, so they
# cannot be handed to another process. At the child's creation the thread ran its
# oldest kept task -- a sibling, which set the same lock: "thread 2 sets a lock it
# already holds" (TeamDeadlock, exit 1) in about one run in two at 3 threads. Inside a
# task only its own children may start (OpenMP's tied-task scheduling constraint).
LOCK_HELD_ACROSS_TASK_CREATION = """\
from omppy import omp_destroy_lock, omp_init_lock, omp_set_lock, omp_unset_lock

done = [0, 0]


def work():
    lock = omp_init_lock()
    # omp parallel
    # omp for
    for i in range(100):
        # omp task
        omp_set_lock(lock)
        done[0] += 1
        # omp task
        # omp atomic
        done[1] += 1
        # omp end task
        omp_unset_lock(lock)
        # omp end task
    # omp end parallel
    omp_destroy_lock(lock)


for _ in range(4):
    work()
print(done)
"""


@pytest.mark.parametrize("threads", [3, 4])
def test_a_task_holding_a_lock_runs_no_sibling_at_a_scheduling_point(write, threads):
    for _ in range(2):
        same_as_python(write, "lock_task.py", LOCK_HELD_ACROSS_TASK_CREATION, threads, "fork")


# pyperformance's decimal_factorial: the program sets the decimal context's precision
# before the region; on the threads backend a worker thread computed with a fresh
# default context (28 digits): '3704609E+614' for the 615-digit 300!, exit 0. A forked
# worker has its master's context; now a worker thread starts with a copy of it.
DECIMAL_CONTEXT_OF_THE_MASTER = """\
import decimal

decimal.getcontext().prec = 60
out = [None] * 6
# omp parallel for schedule(static, 1)
for k in range(6):
    out[k] = str(decimal.Decimal(1) / decimal.Decimal(7 + k))
print(out)
print(decimal.getcontext().prec)
"""


@pytest.mark.parametrize("backend", BACKENDS)
def test_workers_start_with_the_masters_decimal_context(write, backend):
    same_as_python(write, "dec.py", DECIMAL_CONTEXT_OF_THE_MASTER, 3, backend)
