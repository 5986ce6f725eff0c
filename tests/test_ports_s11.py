"""Session 11's ports of other people's programs (pyperformance, the OpenMP Examples
book, Rosetta Code, library tutorials; tests/realistic/pyperf_*, omp_ex_*, ...): each
bug they found, as the smallest program that gave a different answer with exit
status 0, or was refused though OpenMP allows it (docs/correctness.md, "Session 11")."""

from __future__ import annotations

import pytest
from helpers import run_omppy, run_python, without_gil_notice

BACKENDS = ("fork", "threads")


def same_as_python(write, name: str, text: str, threads: int, backend: str) -> None:
    script = write(name, text)
    want = run_python(script)
    assert want.status == 0, want.err
    got = run_omppy(
        "run", str(script), threads=threads, env={"OMPPY_BACKEND": backend}, timeout=60
    )
    assert (got.status, got.out) == (0, want.out), without_gil_notice(got.err)


# copyprivate.1: an orphaned `single copyprivate(x)` in a function, x a threadprivate
# global the function declares `global`. The single read the names it hands out from
# the function's locals only: the other threads kept 0.0 ([0.0, 3.5] for [3.5]).
ORPHANED_COPYPRIVATE_THREADPRIVATE = """\
x = 0.0
# omp threadprivate(x)


def init():
    global x
    # omp single copyprivate(x)
    x = 3.5
    # omp end single


held = []
# omp parallel
init()
# omp critical
held.append(x)
# omp end critical
# omp end parallel
print(sorted(set(held)))
"""


@pytest.mark.parametrize("backend", BACKENDS)
def test_orphaned_copyprivate_hands_out_threadprivate_globals(write, backend):
    same_as_python(write, "cp_tp.py", ORPHANED_COPYPRIVATE_THREADPRIVATE, 2, backend)
