"""Nested regions (docs/runtime-api.md, environment variables): inactive by default, active
on request, limits respected."""

from __future__ import annotations

import pytest
from helpers import run_omppy

# Every test runs programs end to end: not in the quick suite (pytest -m "not slow").
pytestmark = pytest.mark.slow

PROGRAM = """\
from omppy import (omp_get_active_level, omp_get_ancestor_thread_num, omp_get_level,
                   omp_get_num_threads, omp_get_team_size)
facts = [None] * 4
# omp parallel for num_threads(2) schedule(static)
for i in range(4):
    inner = [None] * 3
    # omp parallel for num_threads(3)
    for j in range(3):
        inner[j] = (omp_get_level(), omp_get_active_level(), omp_get_num_threads(),
                    omp_get_team_size(1), omp_get_ancestor_thread_num(1))
    facts[i] = inner[0]
print(facts)
"""


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        # Inactive by default: the inner region runs with a team of one.
        ({}, [(2, 1, 1, 2, 0), (2, 1, 1, 2, 0), (2, 1, 1, 2, 1), (2, 1, 1, 2, 1)]),
        ({"OMP_NESTED": "true"}, [(2, 2, 3, 2, 0)] * 2 + [(2, 2, 3, 2, 1)] * 2),
        ({"OMP_NUM_THREADS": "2,3"}, [(2, 2, 3, 2, 0)] * 2 + [(2, 2, 3, 2, 1)] * 2),
        ({"OMP_MAX_ACTIVE_LEVELS": "2"}, [(2, 2, 3, 2, 0)] * 2 + [(2, 2, 3, 2, 1)] * 2),
        # The thread limit is shared by the nested teams: 2 outer threads x 2 inner.
        (
            {"OMP_NESTED": "true", "OMP_THREAD_LIMIT": "4"},
            [(2, 2, 2, 2, 0)] * 2 + [(2, 2, 2, 2, 1)] * 2,
        ),
    ],
    ids=["inactive", "nested", "num-threads-list", "max-active-levels", "thread-limit"],
)
def test_nested_regions(write, env, expected):
    script = write("nested.py", PROGRAM)
    got = run_omppy("run", str(script), threads=None, env=env)
    assert got.status == 0, got.err
    assert got.out == f"{expected}\n"


@pytest.mark.parametrize("threads", [2, 3])
def test_stores_in_active_nested_teams_reach_the_master(threads):
    from helpers import CORPUS, run_python

    program = CORPUS / "nested_stores.py"
    expected = run_python(program)
    got = run_omppy("run", str(program), threads=threads, env={"OMP_NESTED": "true"})
    assert got.status == 0, got.err
    assert got.out == expected.out
