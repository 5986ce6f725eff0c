"""Objects of C types that cannot be pickled, held inside a shared object (issue 9;
docs/data-sharing.md, "What is not carried back"): a change a thread makes to one is
an error naming it, never lost.  A compression object of zlib is compared by a
flushed copy (opaque.ProbeShadow); one omppy cannot compare at all (a bz2
compressor) stops the region when it starts, if the region may change it.  Handles
(locks, files, csv writers, weak references) are not data and change nothing."""

from __future__ import annotations

import bz2
import zlib

import pytest
from helpers import run_omppy, run_python

from omppy.runtime.opaque import ProbeShadow, probe_of, uncomparable
from omppy.runtime.shadow import shadow_for

HELD = """\
import {module}


class Packer:
    def __init__(self):
        self.c = {make}
        self.parts = []


p = Packer()
# omp parallel for ordered
for i in range(8):
    # omp ordered
    p.parts.append(p.c.compress(bytes([i]) * 1000))
p.parts.append(p.c.flush())
print(len({module}.decompress(b"".join(p.parts))))
"""

IN_A_LIST = """\
import zlib

packers = [zlib.compressobj() for _ in range(6)]
heads = [b""] * 6
# omp parallel for
for i in range(6):
    heads[i] = packers[i].compress(bytes([i]) * 1000)
print([len(packers[i].flush()) for i in range(6)])
"""


def test_a_zlib_object_is_compared_by_a_flushed_copy():
    c = zlib.compressobj()
    shadow = shadow_for(c)
    assert isinstance(shadow, ProbeShadow)
    assert shadow.diff(c) is None  # the probe leaves it as it was
    c.compress(b"x" * 1000)
    assert shadow.diff(c) == ("P", "zlib.Compress object", None)
    d = zlib.decompressobj()
    assert probe_of(d) is not None and probe_of(bz2.BZ2Compressor()) is None
    ended = zlib.compressobj()
    ended.flush()
    assert probe_of(ended) == probe_of(ended)


def test_uncomparable_kinds():
    assert uncomparable(bz2.BZ2Compressor())
    assert uncomparable(zlib.compressobj())  # named by a region: refused at its start


@pytest.mark.parametrize("threads", [2, 3, 4])
def test_a_held_zlib_object_changed_by_a_thread_is_an_error(write, threads):
    script = write("held.py", HELD.format(module="zlib", make="zlib.compressobj()"))
    assert run_python(script).out == "8000\n"
    got = run_omppy("run", str(script), threads=threads)
    assert (got.status, got.out) == (1, "")
    assert got.err.endswith(
        "OmpError: another thread changed p.c (a zlib.Compress object), and omppy cannot "
        "carry changes to objects of that type between threads: it can only compare "
        "them, not give them a new state. Change it outside the parallel region: collect "
        "what the threads would feed it in a list (in order, with '# omp ordered' if the "
        "order matters) and apply that after the region; or keep the data it holds in "
        "lists, dicts, objects or numpy arrays\n"
    )


def test_zlib_objects_in_a_list_each_changed_by_its_iteration_are_an_error(write):
    # Before: each worker's packers stayed in the worker; the master flushed fresh
    # ones (a different answer, exit status 0).
    script = write("in_a_list.py", IN_A_LIST)
    got = run_omppy("run", str(script), threads=2)
    assert got.status == 1 and got.out == ""
    assert "OmpError: another thread changed packers[" in got.err
    assert "] (a zlib.Compress object)" in got.err


def test_a_held_object_omppy_cannot_compare_stops_the_region(write):
    script = write("held.py", HELD.format(module="bz2", make="bz2.BZ2Compressor()"))
    got = run_omppy("run", str(script), threads=2)
    assert (got.status, got.out) == (1, "")
    assert got.err.endswith(
        "OmpError: the parallel region may change 'p.c' (a _bz2.BZ2Compressor object), "
        "whose state omppy can neither compare nor hand between its threads, which are "
        "processes: it cannot be pickled. Every thread would change its own copy and the "
        "changes of all threads but the first would be lost. Use it outside the parallel "
        "region: collect what the threads would feed it in a list (in order, with "
        "'# omp ordered' if the order matters) and feed it after the region (or take it "
        "out of the object that holds it for the region, if the region does not use it)\n"
    )


@pytest.mark.parametrize("backend", ["fork", "threads"])
def test_the_threads_backend_and_one_thread_give_pythons_answer(write, backend):
    for module, make in (("zlib", "zlib.compressobj()"), ("bz2", "bz2.BZ2Compressor()")):
        script = write(f"held_{module}.py", HELD.format(module=module, make=make))
        sizes = (1, 2, 3) if backend == "threads" else (1,)
        for threads in sizes:
            env = {"OMPPY_BACKEND": backend}
            got = run_omppy("run", str(script), threads=threads, env=env)
            assert (got.status, got.out) == (0, "8000\n"), (module, threads)


HANDLES = """\
import csv
import threading
import weakref
import zlib


class Holder:
    def __init__(self):
        self.lock = threading.Lock()
        self.writer = csv.writer(open("/dev/null", "w"))
        self.me = weakref.ref(self)
        self.spare = zlib.compressobj()
        self.values = [0] * 8


h = Holder()
# omp parallel for
for i in range(8):
    with h.lock:
        h.values[i] = i * i
print(h.values, h.me() is h)
"""


def test_handles_held_beside_the_data_are_not_refused(write):
    script = write("handles.py", HANDLES)
    expected = run_python(script).out
    for threads in (2, 3):
        assert run_omppy("run", str(script), threads=threads).out == expected


SIMPLE_QUEUE = """\
import queue

q = queue.SimpleQueue()
# omp parallel for
for i in range(6):
    # omp critical
    q.put(i)
items = []
while not q.empty():
    items.append(q.get())
print(sorted(items))
"""


def test_a_simple_queue_filled_by_the_threads_is_an_error_naming_it(write):
    # The table's row "a queue.SimpleQueue ... error naming it" had no test.
    script = write("simple_queue.py", SIMPLE_QUEUE)
    assert run_omppy("run", str(script), threads=1).out == run_python(script).out
    got = run_omppy("run", str(script), threads=2)
    assert got.status == 1 and got.out == ""
    assert (
        "OmpError: another thread changed q (a queue.SimpleQueue: use a queue.Queue, a "
        "list or a deque), and omppy cannot carry changes to objects of that type"
    ) in got.err


def test_an_object_omppy_cannot_compare_named_only_for_reading_runs(write):
    # The region only reads 'c' (the net of a read-only name is no place to refuse):
    # refused since this session's held-object check, as if the region changed it.
    script = write(
        "read_only.py",
        """\
import bz2

c = bz2.BZ2Compressor()
out = [0] * 4
# omp parallel for
for i in range(4):
    out[i] = i if c is not None else -1
print(out)
""",
    )
    got = run_omppy("run", str(script), threads=2)
    assert (got.status, got.out) == (0, run_python(script).out), got.err
