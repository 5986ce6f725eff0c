"""Absurd team sizes (docs/runtime-api.md, "Environment variables"): a team asking for
more threads than the thread limit (OMP_THREAD_LIMIT, default 1,024) gets the limit,
with one warning at the region's line; never a fork bomb."""

from __future__ import annotations

import textwrap

import pytest
from helpers import run_omppy, without_gil_notice

from omppy.runtime.icv import ControlVariables

PROGRAM = """
from omppy import omp_get_num_threads, omp_get_thread_limit
sizes = []
for _ in range(2):
    # omp parallel {clause}
    if True:
        # omp master
        sizes.append(omp_get_num_threads())
print(omp_get_thread_limit(), sizes)
"""


def test_the_default_thread_limit_is_1024():
    assert ControlVariables().thread_limit == 1024


@pytest.mark.parametrize("backend", ["fork", "threads"])
@pytest.mark.parametrize(
    ("clause", "threads", "asked"),
    [
        ("num_threads(10**6)", 2, "num_threads(1000000)"),
        ("", 5000, "a team of 5000 (OMP_NUM_THREADS)"),
    ],
)
def test_a_team_larger_than_the_limit_gets_the_limit_and_one_warning(
    write, backend, clause, threads, asked
):
    script = write("prog.py", textwrap.dedent(PROGRAM.format(clause=clause)).lstrip("\n"))
    env = {"OMP_THREAD_LIMIT": "3", "OMPPY_BACKEND": backend}
    got = run_omppy("run", str(script), threads=threads, env=env)
    assert got.status == 0, got.err
    assert got.out == "3 [3, 3]\n"
    assert without_gil_notice(got.err).splitlines() == [
        f"{script}:4: RuntimeWarning: omppy: {asked} asks for more threads than the thread "
        "limit, 3: the team has 3 threads; set OMP_THREAD_LIMIT to allow more. (Shown once.)",
        f"  # omp parallel {clause}".rstrip(),
    ]
