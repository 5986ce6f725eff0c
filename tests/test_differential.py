"""The backbone: every corpus program prints the same with python and omppy run.

Each program in tests/corpus runs once with plain Python and then under
``omppy run`` with 1, 2, 3 and 4 threads; output and exit status must agree.
"""

from __future__ import annotations

import pytest
from helpers import CORPUS, run_omppy, run_python

PROGRAMS = sorted(p for p in CORPUS.glob("*.py"))
# The quick suite (pytest -m "not slow") runs these two end to end; the whole corpus
# takes minutes.
QUICK = {"reduction_int", "sync_constructs"}


@pytest.mark.parametrize(
    "program",
    [
        pytest.param(p, id=p.stem, marks=() if p.stem in QUICK else pytest.mark.slow)
        for p in PROGRAMS
    ],
)
def test_same_output_at_every_team_size(program):
    expected = run_python(program)
    assert expected.status in (0, 3), expected.err
    for threads in (1, 2, 3, 4):
        got = run_omppy("run", str(program), threads=threads)
        assert got.err == expected.err, f"{threads} threads:\n{got.err}"
        assert got.out == expected.out, f"{threads} threads"
        assert got.status == expected.status, f"{threads} threads"
