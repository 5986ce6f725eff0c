"""A bytearray changed in place is carried as runs of changed bytes, so that
threads storing into different bytes combine and two storing into one byte clash
(docs/data-sharing.md)."""

from __future__ import annotations

import numpy  # noqa: F401  (the long-buffer path uses numpy when it is imported)
import pytest
from helpers import run_omppy, run_python

from omppy.runtime.buffers import BytearrayShadow, _changed_byte_runs
from omppy.runtime.conflict import _clash


@pytest.mark.parametrize("size", [10, 5000])
def test_runs_of_changed_bytes(size):
    old = bytes(size)
    new = bytearray(old)
    new[1:3] = b"\x01\x02"
    new[7] = 9
    runs = _changed_byte_runs(old, bytes(new))
    assert runs == [(1, b"\x01\x02"), (7, b"\x09")]


def test_disjoint_stores_combine_and_one_byte_clashes():
    base = bytearray(8)
    a, b = bytearray(base), bytearray(base)
    shadow_a, shadow_b = BytearrayShadow(a), BytearrayShadow(b)
    a[0:2] = b"ab"
    b[5] = 7
    change_a, change_b = shadow_a.diff(a), shadow_b.diff(b)
    assert change_a is not None and change_a[0] == "Y"
    assert change_b is not None
    assert _clash(change_a, change_b) is None
    shadow_b.apply(b, change_a)
    assert b == bytearray(b"ab\x00\x00\x00\x07\x00\x00")
    b2 = bytearray(base)
    shadow_b2 = BytearrayShadow(b2)
    b2[1] = 3
    change_b2 = shadow_b2.diff(b2)
    assert change_b2 is not None
    assert _clash(change_a, change_b2) == ("value", 1)


def test_a_length_change_is_still_one_whole_change():
    live = bytearray(b"abc")
    shadow = BytearrayShadow(live)
    live.extend(b"de")
    change = shadow.diff(live)
    assert change is not None and change[0] == "B"


DISJOINT = """\
buf = bytearray(40)
view = memoryview(buf)
# omp parallel for
for i in range(40):
    view[i] = (i * 7) % 256
print(sum(buf), bytes(buf[:6]).hex())
"""

ONE_BYTE = """\
buf = bytearray(4)
# omp parallel for
for i in range(8):
    buf[0] = i
print(list(buf))
"""


@pytest.mark.slow
@pytest.mark.parametrize("threads", [2, 3])
def test_disjoint_stores_into_a_bytearray_give_pythons_answer(write, threads):
    script = write("disjoint.py", DISJOINT)
    got = run_omppy("run", str(script), threads=threads)
    assert got.status == 0, got.err
    assert got.out == run_python(script).out


@pytest.mark.slow
def test_stores_into_one_byte_from_two_threads_are_a_data_race(write):
    script = write("race.py", ONE_BYTE)
    got = run_omppy("run", str(script), threads=2)
    assert got.status == 1
    assert "both changed buf[0]" in got.err
