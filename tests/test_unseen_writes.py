"""Writes omppy learns of only at run time, and the ones it cannot carry: each is
carried or an error naming the object, never lost (docs/data-sharing.md, "What is
not carried back")."""

from __future__ import annotations

import hashlib

import pytest
from helpers import run_omppy, run_python

from omppy.runtime.opaque import DigestShadow
from omppy.runtime.shadow import shadow_for

pytestmark = pytest.mark.slow

BIG_LIST_THROUGH_GLOBALS = """\
big = list(range(20000))


def grow(i):
    # omp critical
    globals()["big"].append(i)


# omp parallel for
for i in range(4):
    grow(i)
print(len(big))
"""

HASH_IN_ORDERED = """\
import hashlib

h = hashlib.sha256()
# omp parallel for ordered
for i in range(4):
    # omp ordered
    h.update(b"%d" % i)
print(h.hexdigest()[:16])
"""

HASH_ONLY_READ = """\
import hashlib

h = hashlib.sha256(b"seed")
out = [None] * 4
# omp parallel for
for i in range(4):
    twin = h.copy()
    twin.update(b"%d" % i)
    out[i] = twin.hexdigest()[:8]
print(out)
"""


@pytest.mark.parametrize("threads", [2, 3])
def test_a_big_list_grown_through_a_path_omppy_cannot_follow_is_an_error(write, threads):
    script = write("big.py", BIG_LIST_THROUGH_GLOBALS)
    got = run_omppy("run", str(script), threads=threads)
    assert got.status == 1
    assert "changed the length of big (a list of 20,000 items, now 20,00" in got.err
    assert "omppy run --check" in got.err


def test_the_same_program_is_carried_under_check(write):
    script = write("big.py", BIG_LIST_THROUGH_GLOBALS)
    got = run_omppy("run", "--check", str(script), threads=2)
    assert got.status == 0, got.err
    assert got.out == run_python(script).out == "20004\n"


@pytest.mark.parametrize("threads", [2, 4])
def test_a_hash_object_updated_by_a_worker_is_an_error(write, threads):
    script = write("hashed.py", HASH_IN_ORDERED)
    got = run_omppy("run", str(script), threads=threads)
    assert got.status == 1
    assert "changed h (a HASH object (sha256))" in got.err
    assert "Change it outside the parallel region" in got.err


def test_a_hash_object_only_read_is_fine(write):
    script = write("copied.py", HASH_ONLY_READ)
    got = run_omppy("run", str(script), threads=3)
    assert got.status == 0, got.err
    assert got.out == run_python(script).out


def test_a_hash_object_is_compared_by_the_digest_of_a_copy():
    h = hashlib.md5(b"a")
    shadow = shadow_for(h)
    assert isinstance(shadow, DigestShadow)
    assert shadow.diff(h) is None
    h.update(b"b")
    assert shadow.diff(h) is not None
    assert h.hexdigest() == hashlib.md5(b"ab").hexdigest()  # the probe left it alone
    shake = hashlib.shake_128(b"x")
    assert isinstance(shadow_for(shake), DigestShadow)


NUMPY_GLOBAL_IN_SINGLE = """\
import numpy as np

np.random.seed(3)
draws = []
# omp parallel
for r in range(3):
    # omp single
    draws.append(round(float(np.random.rand()), 6))
print(draws)
"""


@pytest.mark.parametrize("threads", [1, 2, 3])
def test_numpy_global_generator_drawn_in_a_block_gives_pythons_numbers(write, threads):
    script = write("npglobal.py", NUMPY_GLOBAL_IN_SINGLE)
    got = run_omppy("run", str(script), threads=threads)
    assert got.status == 0, got.err
    assert got.out == run_python(script).out
