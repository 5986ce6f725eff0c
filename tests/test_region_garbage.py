"""A region leaves nothing for the cyclic garbage collector: its arrays go when the
program drops them, not at the next full collection.

A combined ``parallel for`` with a reduction kept the master's thread context and
its cutter (``ThreadContext.chunks``) in a cycle, and a region with tasks its
context and its tasks' state: each held the region's reductions, so a 200 MB result
the program dropped stayed resident until ``gc.collect()`` (docs/benchmarks.md,
"Session 11: array reductions").
"""

from __future__ import annotations

import gc
import sys
import weakref

import pytest

from omppy.runtime.output import RegionOutput
from tests.helpers import run_omppy

PROGRAM = """
import gc, os, weakref
import numpy as np

gc.disable()

def rss_mb():
    with open(f"/proc/{os.getpid()}/smaps_rollup") as f:
        for line in f:
            if line.startswith("Rss:"):
                return int(line.split()[1]) / 1024

def combined(base):
    acc = np.zeros_like(base)
    # omp parallel for reduction(+:acc) schedule(static)
    for k in range(4):
        acc += base + k
    return acc

def inner(base):
    acc = np.zeros_like(base)
    # omp parallel
    if True:
        # omp for reduction(+:acc) schedule(dynamic)
        for k in range(4):
            acc += base + k
    # omp end parallel
    return acc

def ordered(base):
    acc = [base[:1]]
    # omp parallel for reduction(+:acc) schedule(dynamic)
    for k in range(8):
        acc += [base + k]
    return acc[-1]

def with_tasks(base):
    acc = np.zeros_like(base)
    out = [0.0] * 4
    # omp parallel for reduction(+:acc) schedule(static)
    for k in range(4):
        acc += base + k
        # omp task
        out[k] = float(k)
    return acc

base = np.arange(2_000_000) * 0.5  # 16 MB: a slotted array reduction
for f in (combined, inner, ordered, with_tasks):
    f(base)  # the first region of each kind: imports, caches
    before = rss_mb()
    for _ in range(6):
        result = f(base)
        expected = base * 4 + 6 if f is not ordered else base + 7
        assert (result == expected).all(), f.__name__
        kept = weakref.ref(result)
        del result
        print(f.__name__, "alive" if kept() is not None else "freed")
    grew = rss_mb() - before
    # A result kept by each region: 96 MB or more; the allocator alone keeps up to ~46.
    print(f.__name__, "grew" if grew > 64 else "flat")
gc.set_debug(gc.DEBUG_SAVEALL)
gc.collect()
left = sorted({type(o).__qualname__ for o in gc.garbage if type(o).__module__.startswith("omppy")})
print("omppy garbage:", left)
"""


def expected(names: tuple[str, ...]) -> str:
    lines = []
    for name in names:
        lines += [f"{name} freed"] * 6 + [f"{name} flat"]
    return "\n".join([*lines, "omppy garbage: []", ""])


@pytest.mark.skipif(sys.platform != "linux", reason="reads /proc/self/smaps_rollup")
@pytest.mark.parametrize("threads", [1, 2])
def test_a_region_leaves_no_cycle_on_the_fork_backend(write, threads):
    path = write("garbage.py", PROGRAM)
    result = run_omppy("run", str(path), threads=threads, timeout=120)
    assert result.err == ""
    assert result.out == expected(("combined", "inner", "ordered", "with_tasks"))


def test_region_output_leaves_no_cycle():
    gc.disable()
    try:
        output = RegionOutput(None)
        output.install()
        writer = weakref.ref(sys.stdout)
        output.restore()
        del output
        assert writer() is None  # freed by its reference count
        output = RegionOutput(None)
        output.install()
        binary = weakref.ref(sys.stdout.buffer)  # sys.stdout.buffer: made when asked
        assert sys.stdout.buffer is binary()
        output.restore()
    finally:
        gc.enable()
