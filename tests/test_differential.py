"""The backbone: every corpus program prints the same with python and omppy run.

Each program in tests/corpus runs once with plain Python and then under
``omppy run`` with 1, 2, 3 and 4 threads, on each backend (forked processes and
threads); output and exit status must agree.  Two programs are the quick check on
each backend; the others are marked slow.
"""

from __future__ import annotations

import pytest
from helpers import CORPUS, run_omppy, run_python, without_gil_notice

from omppy.runtime.threads import keyorder

PROGRAMS = sorted(p for p in CORPUS.glob("*.py"))
# The quick suite (pytest -m "not slow") runs these two end to end; the whole corpus
# takes minutes.
QUICK = {"reduction_int", "sync_constructs"}


def _agree(program, backend: str, team_sizes: tuple[int, ...]) -> None:
    expected = run_python(program)
    assert expected.status in (0, 3), expected.err
    for threads in team_sizes:
        # The translation cache is on: one translation serves every team size.
        env = {"OMPPY_BACKEND": backend, "PYTHONDONTWRITEBYTECODE": ""}
        got = run_omppy("run", str(program), threads=threads, env=env)
        err = without_gil_notice(got.err) if backend == "threads" else got.err
        assert err == expected.err, f"{backend}, {threads} threads:\n{got.err}"
        assert got.out == expected.out, f"{backend}, {threads} threads"
        assert got.status == expected.status, f"{backend}, {threads} threads"


CASES = [
    pytest.param(p, id=p.stem, marks=() if p.stem in QUICK else pytest.mark.slow)
    for p in PROGRAMS
]


@pytest.mark.parametrize("program", CASES)
def test_same_output_at_every_team_size(program):
    _agree(program, "fork", (1, 2, 3, 4))


# Keys that threads (and tasks) add to one dict are put in iteration order with
# CPython's dict watchers (threads/keyorder.py), which Python 3.11 lacks
# (docs/backends.md).  packed_stores ends with a dict filled under a dynamic schedule.
NEEDS_DICT_WATCHERS = {
    "dict_order",
    "dict_keys_set_again",
    "dict_keys_held_by_objects",
    "dict_keys_in_helpers",
    "tasks_dict_order",
    "tasks_undeferred",
    "packed_stores",
}
# Every corpus program runs on both backends (threadprivate, copyin and cancel
# taskgroup included since session 5); a program the threads backend cannot run
# would be listed here, with its clear OmpError tested in test_threads_backend.py.
FORK_ONLY: set[str] = set()
# Dicts the threads backend watches for key order are the region's shared and global
# dicts and those a few attributes down (threads/keyorder.py); keys added to a dict
# held in a list, or deeper, come in the order the threads added them (a documented
# gap of the threads backend: docs/backends.md).  The fork backend orders them.
THREADS_KEY_ORDER_GAPS = {"dict_keys_held_deep"}
THREADS_CASES = [
    pytest.param(
        *case.values,
        id=case.id,
        marks=(
            *case.marks,
            pytest.mark.skipif(
                case.id in NEEDS_DICT_WATCHERS and not keyorder.available(),
                reason="no dict watchers before Python 3.12",
            ),
        ),
    )
    for case in CASES
    if case.id not in FORK_ONLY | THREADS_KEY_ORDER_GAPS
]


@pytest.mark.parametrize("program", THREADS_CASES)
def test_same_output_on_threads(program):
    _agree(program, "threads", (1, 2, 3, 4))
