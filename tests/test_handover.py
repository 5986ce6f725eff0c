"""Big array reduction partials handed over from a worker's own memory (handover.py):
read by the master with process_vm_readv, through the shared-memory slots when the
kernel refuses, and no worker left waiting when the region fails."""

from __future__ import annotations

import os
import signal
import sys
import types

import pytest

np = pytest.importorskip("numpy")

from omppy.runtime import handover  # noqa: E402
from omppy.transform.lines import compile_translation  # noqa: E402
from omppy.transform.translate import translate  # noqa: E402

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="the fork backend")

SOURCE = """\
import numpy as np
from omppy import omp_get_thread_num

def added(base, items, threads):
    acc = np.zeros_like(base)
    # omp parallel for reduction(+:acc) schedule(static) num_threads(threads)
    for k in range(items):
        acc += np.sin(base + k)
    return acc

def multiplied(base, items, threads):
    acc = np.ones_like(base)
    # omp parallel for reduction(*:acc) schedule(static) num_threads(threads)
    for k in range(items):
        acc *= 1.0 + 0.001 * np.cos(base + k)
    return acc

def grid(rows, items, threads):
    acc = np.zeros((rows, 700), dtype=np.float32)
    # omp parallel for reduction(+:acc) schedule(static) num_threads(threads)
    for k in range(items):
        acc += np.float32(k) * np.cos(np.arange(rows * 700).reshape(rows, 700) * 0.01 + k)
    return acc

def failing(base, items):
    acc = np.zeros_like(base)
    # omp parallel reduction(+:acc) num_threads(2)
    # omp for schedule(static)
    for k in range(items):
        acc += np.sin(base + k)
    if omp_get_thread_num() == 0:
        raise ValueError("the master fails after the loop")
    # omp end parallel
    return acc
"""


def load(name: str, parallel: bool) -> types.ModuleType:
    if parallel:
        code = compile_translation(translate(SOURCE, f"<{name}>"), f"<{name}>")
    else:
        code = compile(SOURCE, f"<{name}>", "exec")
    module = types.ModuleType(name)
    module.__file__ = f"<{name}>"
    sys.modules[name] = module
    exec(code, module.__dict__)
    return module


@pytest.fixture
def modules():
    yield load("handover_program", True), load("handover_sequential", False)
    sys.modules.pop("handover_program", None)
    sys.modules.pop("handover_sequential", None)


BASE = np.arange(200_000) * 0.001  # 1.6 MB: above forkjoin.SLOTTED_BYTES


def through_slots(monkeypatch, run, *args):
    """``run(*args)`` with the partials in shared-memory slots (as before handover.py):
    the same sums in the same order, so the same bits."""
    monkeypatch.setattr(handover, "_refused", True)
    try:
        return run(*args)
    finally:
        monkeypatch.setattr(handover, "_refused", False)


@pytest.mark.skipif(not handover.available(), reason="no process_vm_readv here")
def test_a_workers_big_partial_is_read_from_its_memory(modules, monkeypatch):
    omp, seq = modules
    slotted = {
        (name, threads): through_slots(monkeypatch, getattr(omp, name), BASE, 7, threads)
        for threads in (2, 3)
        for name in ("added", "multiplied")
    }
    reads: list[int] = []  # kept on an omppy module: never watched
    monkeypatch.setattr(handover, "_test_reads", reads, raising=False)
    read = handover.read

    def counted(pid, remote, into):
        handover._test_reads.append(remote.nbytes)  # type: ignore[attr-defined]
        return read(pid, remote, into)

    monkeypatch.setattr(handover, "read", counted)
    for threads in (2, 3):
        for name in ("added", "multiplied"):
            got = getattr(omp, name)(BASE, 7, threads)
            assert np.array_equal(slotted[name, threads], got), name
            assert np.allclose(getattr(seq, name)(BASE, 7, threads), got)
    assert reads == [BASE.nbytes] * (1 + 1 + 2 + 2)
    assert handover.available()


@pytest.mark.skipif(not handover.available(), reason="no process_vm_readv here")
def test_a_partial_is_folded_a_block_of_rows_at_a_time(modules, monkeypatch):
    omp, seq = modules
    slotted = through_slots(monkeypatch, omp.grid, 700, 5, 2)  # 1.96 MB
    reads: list[int] = []
    monkeypatch.setattr(handover, "_test_reads", reads, raising=False)
    read = handover.read

    def counted(pid, remote, into):
        handover._test_reads.append(remote.nbytes)  # type: ignore[attr-defined]
        return read(pid, remote, into)

    monkeypatch.setattr(handover, "read", counted)
    monkeypatch.setattr(handover, "BLOCK_BYTES", 100 * 700 * 4)  # 100 rows a read
    got = omp.grid(700, 5, 2)
    assert np.array_equal(slotted, got)
    assert np.allclose(seq.grid(700, 5, 2), got, rtol=1e-4, atol=1e-4)
    assert reads == [100 * 700 * 4] * 7


def test_a_refused_read_goes_through_the_slots_from_then_on(modules, monkeypatch):
    omp, seq = modules
    refusals: list[int] = []
    monkeypatch.setattr(handover, "_test_refusals", refusals, raising=False)

    def refused(*args):
        handover._test_refusals.append(1)  # type: ignore[attr-defined]
        return -1

    slotted = {
        name: through_slots(monkeypatch, getattr(omp, name), BASE, 7, 3)
        for name in ("added", "multiplied")
    }
    monkeypatch.setattr(handover, "_reader", refused)
    monkeypatch.setattr(handover, "_refused", False)
    for name in ("added", "multiplied"):  # the first asks its workers to copy
        got = getattr(omp, name)(BASE, 7, 3)
        assert np.array_equal(slotted[name], got), name
        assert np.allclose(getattr(seq, name)(BASE, 7, 3), got)
    assert refusals == [1]  # then the region and the next use the slots
    assert not handover.available()


@pytest.mark.skipif(not handover.available(), reason="no process_vm_readv here")
def test_a_failed_region_leaves_no_worker_waiting_to_hand_over(modules):
    omp, _ = modules

    def hung(*args):
        raise AssertionError("the region hung: a worker waits with its partial")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(30)
    try:
        with pytest.raises(ValueError, match="the master fails after the loop"):
            omp.failing(BASE, 7)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
