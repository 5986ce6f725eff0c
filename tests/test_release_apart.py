"""A region's large shared memory is unmapped off its path (runtime/reaping.py,
``release_later``): the last references to a reduction's slots and to staged
copies are dropped in a short-lived native thread, which the master waits for
before any fork and at exit.  Unmapping the last mapping of 200 MB of shared memory
frees 51,200 pages (45-57 ms, docs/benchmarks.md, "Session 11"), which the region
no longer waits for."""

from __future__ import annotations

import _thread
import os
import sys
import textwrap
import threading
import weakref

import numpy as np
import pytest

from omppy.runtime import reaping
from omppy.runtime.sharedmem import allocate
from tests.helpers import run_omppy

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="released apart on Linux")

BIG = reaping.RELEASE_APART_BYTES // 8  # float64 items


_refs: list[weakref.ref] = []


def freed_by(array: np.ndarray) -> list[int]:
    """The thread that frees ``array``'s mapping, once it is freed."""
    where: list[int] = []
    _refs.append(weakref.ref(array.base, lambda _: where.append(_thread.get_ident())))
    return where


def test_a_large_mapping_is_unmapped_in_another_thread():
    block = allocate((BIG,), np.float64)
    where = freed_by(block)
    reaping.release_later([block])
    del block
    reaping.wait_for_releases()
    assert where and where[0] != _thread.get_ident()
    assert not reaping._releasing


def test_a_small_one_is_unmapped_at_once_here():
    block = allocate((BIG // 2,), np.float64)
    where = freed_by(block)
    held = [block]
    del block
    reaping.release_later(held)
    assert where == [_thread.get_ident()]
    assert held == [] and not reaping._releasing


def test_what_else_refers_to_stays_alive_and_intact():
    block = allocate((BIG,), np.float64)
    block[::4096] = 7.0
    kept = block[:10]
    where = freed_by(block)
    reaping.release_later([block])
    del block
    reaping.wait_for_releases()
    assert where == []  # a view of it is alive
    assert kept[0] == 7.0
    del kept
    assert where == [_thread.get_ident()]


def test_the_program_sees_no_thread_and_a_fork_waits_for_the_release():
    block = allocate((BIG,), np.float64)
    block[...] = 1.0  # its pages allocated: the unmap takes a while
    where = freed_by(block)
    reaping.release_later([block])
    del block
    assert threading.active_count() == 1
    assert threading.enumerate() == [threading.main_thread()]
    pid = os.fork()  # the at-fork hook waits for the release first
    if pid == 0:  # pragma: no cover - the child
        os._exit(0 if len(os.listdir("/proc/self/task")) == 1 else 1)
    assert where and where[0] != _thread.get_ident()
    assert not reaping._releasing
    assert os.waitpid(pid, 0)[1] == 0


PROGRAM = """
import _thread, weakref
import numpy as np
import omppy.runtime.forkjoin as forkjoin
import omppy.runtime.sharedmem as sharedmem
from omppy.runtime import reaping

freed, refs = [], []

def watched(allocate):
    def allocating(*args, **kwargs):
        array = allocate(*args, **kwargs)
        if array.nbytes >= reaping.RELEASE_APART_BYTES:
            refs.append(weakref.ref(array.base, lambda _: freed.append(_thread.get_ident())))
        return array
    return allocating

forkjoin.allocate = watched(forkjoin.allocate)  # reduction slots
sharedmem.allocate = watched(sharedmem.allocate)  # staged arrays

def reduce(base):
    acc = np.zeros_like(base)
    # omp parallel for reduction(+:acc) schedule(static)
    for k in range(4):
        acc += base + k
    return acc

def fill(out):
    step = len(out) // 8
    # omp parallel for schedule(static)
    for t in range(8):
        out[t * step : (t + 1) * step] = np.arange(t * step, (t + 1) * step) * 0.5
    return out

base = np.arange(reaping.RELEASE_APART_BYTES // 8) * 0.5
for _ in range(3):
    assert (reduce(base) == base * 4 + 6).all()
    assert (fill(np.zeros(len(base))) == base).all()
reaping.wait_for_releases()
main = _thread.get_ident()
print(len(freed), sum(who != main for who in freed))
"""


@pytest.mark.parametrize("threads", [2, 3])
def test_a_regions_slots_and_staged_copies_are_freed_apart(write, threads):
    path = write("apart.py", textwrap.dedent(PROGRAM))
    result = run_omppy("run", str(path), threads=threads, timeout=120)
    assert result.err == ""
    assert result.out == "6 6\n"  # 3 regions' slot blocks, 3 staged copies: all apart
