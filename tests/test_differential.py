"""The backbone: every corpus program prints the same with python and omppy run.

Each program in tests/corpus runs once with plain Python and then under
``omppy run`` with 1, 2, 3 and 4 threads, on each backend (forked processes and
threads); output and exit status must agree.  The threads backend at 2 threads is
the fast check; its other team sizes are marked slow.
"""

from __future__ import annotations

import pytest
from helpers import CORPUS, run_omppy, run_python, without_gil_notice

PROGRAMS = sorted(p for p in CORPUS.glob("*.py"))


def _agree(program, backend: str, team_sizes: tuple[int, ...]) -> None:
    expected = run_python(program)
    assert expected.status in (0, 3), expected.err
    for threads in team_sizes:
        got = run_omppy(
            "run", str(program), threads=threads, env={"OMPPY_BACKEND": backend}
        )
        err = without_gil_notice(got.err) if backend == "threads" else got.err
        assert err == expected.err, f"{backend}, {threads} threads:\n{got.err}"
        assert got.out == expected.out, f"{backend}, {threads} threads"
        assert got.status == expected.status, f"{backend}, {threads} threads"


@pytest.mark.parametrize("program", PROGRAMS, ids=[p.stem for p in PROGRAMS])
def test_same_output_at_every_team_size(program):
    _agree(program, "fork", (1, 2, 3, 4))


@pytest.mark.parametrize("program", PROGRAMS, ids=[p.stem for p in PROGRAMS])
def test_same_output_on_threads(program):
    _agree(program, "threads", (2,))


@pytest.mark.slow
@pytest.mark.parametrize("program", PROGRAMS, ids=[p.stem for p in PROGRAMS])
def test_same_output_on_threads_at_every_team_size(program):
    _agree(program, "threads", (1, 3, 4))
