"""A worker's numpy global generator: the state copied in from a ``_random.Random``
seeded with the same words (forked.NumpySeeding) is the state ``numpy.random.seed``
gave it, and the worker draws the same numbers either way (docs/runtime-api.md,
"Random numbers")."""

from __future__ import annotations

import os
import sys
import types

import pytest

from omppy.runtime import forked, forkjoin
from omppy.transform.lines import compile_translation
from omppy.transform.translate import translate

np = pytest.importorskip("numpy")
pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="the fork backend")

SOURCE = """\
import numpy as np
from omppy import omp_get_thread_num

def draws(threads):
    out = [None] * threads
    # omp parallel num_threads(threads)
    state = np.random.get_state()
    out[omp_get_thread_num()] = (
        state[1].tobytes(), state[2], state[3], state[4],
        np.random.random(3).tolist(), float(np.random.standard_normal()),
        np.random.randint(0, 1 << 30, 3).tolist(),
    )
    # omp end parallel
    return out
"""


@pytest.fixture
def program():
    name = "numpy_seeding_program"
    code = compile_translation(translate(SOURCE, f"<{name}>"), f"<{name}>")
    module = types.ModuleType(name)
    module.__file__ = f"<{name}>"
    sys.modules[name] = module
    exec(code, module.__dict__)
    yield module
    sys.modules.pop(name, None)


def _run(program, monkeypatch, fast: bool, threads: int, before=None):
    """The workers' states and draws of one region after ``np.random.seed(11)``
    (the region's serial number, which the seeds take, the same each time)."""
    monkeypatch.setattr(forkjoin, "_region_serial", 100)
    if not fast:
        monkeypatch.setattr(forked, "_layout", [None])
    np.random.seed(11)
    if before is not None:
        before()
    out = program.draws(threads)
    monkeypatch.setattr(forked, "_layout", [])
    return out


@pytest.mark.parametrize("threads", [2, 3])
def test_workers_draw_what_seeding_gave_them(program, monkeypatch, threads):
    forked._layout.clear()
    copied = _run(program, monkeypatch, True, threads)
    seeded = _run(program, monkeypatch, False, threads)
    assert copied == seeded
    assert len({d[0] for d in copied}) == threads  # each thread its own stream


def test_the_copy_gives_the_state_seeding_gives():
    forked._layout.clear()
    reference = np.random.RandomState()
    target = np.random.MT19937(0)
    checked = forked._checked_layout()
    assert checked is not None
    _, scratch, words_at = checked
    seeding = forked.NumpySeeding(target.ctypes.state_address, words_at, scratch)
    for words in ([0, 0, 1], [0xFFFFFFFF, 0xFFFFFFFF, 1], [12345, 7, 2], [1, 2, 1023]):
        reference.seed(words)
        seeding.put(words)
        state = target.state["state"]
        assert state["pos"] == reference.get_state()[2] == 624
        assert state["key"].tolist() == reference.get_state()[1].tolist()


def test_the_plain_case_only():
    forked._layout.clear()
    np.random.seed(3)
    assert forked.team_seeds(7, 3)[1] is not None
    assert forked.team_seeds(7, 1)[1] is None  # a team of one forks nothing
    np.random.standard_normal()  # a spare deviate kept: seeding drops it, a copy would not
    assert forked.team_seeds(8, 3)[1] is None
    np.random.standard_normal()
    assert forked.team_seeds(9, 3)[1] is not None
    forked._layout[:] = [None]  # a layout the check did not recognise
    assert forked.team_seeds(9, 3)[1] is None
    forked._layout.clear()


def test_a_spare_normal_deviate_in_the_master_is_dropped_in_the_workers(program, monkeypatch):
    forked._layout.clear()
    odd = lambda: np.random.standard_normal()  # noqa: E731 - has_gauss set in the master
    copied = _run(program, monkeypatch, True, 2, odd)
    seeded = _run(program, monkeypatch, False, 2, odd)
    assert copied == seeded
    assert all(d[2] == 0 for d in copied[1:])  # the workers start without one


def test_another_bit_generator_is_seeded_by_the_worker(program, monkeypatch):
    forked._layout.clear()
    previous = np.random.get_bit_generator()
    np.random.set_bit_generator(np.random.PCG64(5))
    try:
        assert forked.team_seeds(4, 2)[1] is None
    finally:
        np.random.set_bit_generator(previous)


def test_the_worker_copies_the_state_instead_of_seeding(program, monkeypatch, tmp_path):
    """The point of the copy: no ``numpy.random.seed`` in a worker (250-500 us)."""
    forked._layout.clear()
    mark = tmp_path / "seeded"
    seed = np.random.seed

    def seeding(*args):
        mark.write_text("seeded")
        return seed(*args)

    np.random.seed(1)
    monkeypatch.setattr(np.random, "seed", seeding)
    program.draws(2)
    assert not mark.exists()
