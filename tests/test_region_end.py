"""A worker whose region returns right after a barrier (the end of its last ``single``
or ``for``) applies nothing there (runtime/regionend.py): the master applies and
checks every change, the worker's own changes still reach it, and anything after the
construct (a statement, a reduction, a name the single binds) keeps the full barrier."""

from __future__ import annotations

import os
import sys
import types

import pytest

from omppy.runtime import coherence, regionend
from omppy.transform.lines import compile_translation
from omppy.transform.translate import translate

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="the fork backend")

SOURCE = """\
from omppy import omp_get_thread_num

def fill(a):
    n = len(a)
    for i in range(n):
        a[i] = float(n - i)

def single_last(n):
    a = [0.0] * n
    # omp parallel num_threads(2)
    # omp single
    fill(a)
    # omp end parallel
    return a

def for_last(n):
    a = [0] * n
    # omp parallel num_threads(2)
    if True:
        a[omp_get_thread_num()] = -1
        # omp barrier
        # omp for schedule(static)
        for i in range(n):
            a[i] = i * i
    # omp end parallel
    return a

def statement_after(n):
    a = [0] * n
    seen = [None, None]
    # omp parallel num_threads(2)
    if True:
        # omp for schedule(static)
        for i in range(n):
            a[i] = i + 1
        seen[omp_get_thread_num()] = sum(a)
    # omp end parallel
    return seen

def with_reduction(n):
    total = 0
    # omp parallel num_threads(2)
    # omp for reduction(+: total)
    for i in range(n):
        total += i
    # omp end parallel
    return total

def binds_a_name(n):
    result = None
    # omp parallel num_threads(2)
    # omp single
    result = list(range(n))
    # omp end parallel
    return result

def orphaned(a):
    # omp single
    a[0] = 7

def calls_orphaned(n):
    a = [0] * n
    # omp parallel num_threads(2)
    orphaned(a)
    # omp end parallel
    return a
"""


@pytest.fixture(scope="module")
def program():
    name = "region_end_program"
    code = compile_translation(translate(SOURCE, f"<{name}>"), f"<{name}>")
    module = types.ModuleType(name)
    module.__file__ = f"<{name}>"
    sys.modules[name] = module
    exec(code, module.__dict__)
    yield module
    sys.modules.pop(name, None)


@pytest.fixture
def skips(monkeypatch, tmp_path):
    """What every worker's barriers did: "skip" or "apply", read back from a file
    (the workers are other processes)."""
    path = tmp_path / "barriers"
    after = coherence.Coherence.after_barrier

    def after_barrier(self, parts, where, final=False, skip=False):
        if self.num:
            with open(path, "a") as out:
                out.write("skip\n" if skip else "apply\n")
        return after(self, parts, where, final=final, skip=skip)

    monkeypatch.setattr(coherence.Coherence, "after_barrier", after_barrier)

    def read() -> list[str]:
        found = path.read_text().split() if path.exists() else []
        path.unlink(missing_ok=True)
        return found

    return read


def test_a_worker_applies_nothing_at_the_barrier_its_region_ends_with(program, skips):
    n = 5_000
    assert program.single_last(n) == [float(n - i) for i in range(n)]
    assert skips() == ["skip"]
    # The barrier before the loop brings the master's store (a[0] = -1) to the
    # worker; the loop's own end barrier, the region's last, is skipped.
    assert program.for_last(n) == [i * i for i in range(n)]
    assert skips() == ["apply", "skip"]


def test_code_after_the_construct_keeps_the_full_barrier(program, skips):
    n = 1_000
    total = n * (n + 1) // 2
    assert program.statement_after(n) == [total, total]
    assert program.with_reduction(n) == n * (n - 1) // 2
    assert program.binds_a_name(n) == list(range(n))
    a = program.calls_orphaned(10)
    assert a[0] == 7
    assert skips() == ["apply"] * 4


def test_only_a_return_of_the_region_s_locals_may_follow_the_call():
    def body(_omp_t, block):
        _omp_out = block.end({})
        return _omp_out  # not _omp.locals(): something the region uses

    def fake(depth):  # the instruction after the call in ``body``
        return regionend._returns_after(body.__code__, call_offset(body.__code__))

    assert not fake(0)

    def region(_omp_t, block):
        _omp_out = block.end({})
        return _omp.locals()  # noqa: F821 - never run

    assert regionend._returns_after(region.__code__, call_offset(region.__code__))


def call_offset(code: types.CodeType) -> int:
    import dis

    return next(i.offset for i in dis.get_instructions(code) if i.opname == "CALL")
