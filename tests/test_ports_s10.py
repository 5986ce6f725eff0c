"""Session 10's ports of other people's programs (the OpenMP Examples book, OMP4Py,
PyOMP, pymp, numba, classic benchmarks; tests/realistic/omp_ex_*, omp4py_*, pyomp_*,
pymp_*, numba_*, bench_*): each bug they found, as the smallest program that gave a
different answer with exit status 0, or was refused though OpenMP allows it
(docs/correctness.md, "Session 10")."""

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


# taskloop_simd_reduction.1: a task with `in_reduction(+: asum)` inside `parallel
# reduction(task, +: asum)`. A task run at once (one thread: no one to hand it to)
# handed its own copy of asum back to its creator as a shared name, and added it to
# the reduction as well: the sum was counted twice (9900 for 4950), exit status 0.
IN_REDUCTION_RUN_AT_ONCE = """\
a = list(range(100))
asum = 0
# omp parallel reduction(task, +: asum)
# omp masked
# omp task in_reduction(+: asum)
for i in range(100):
    asum += a[i]
# omp end parallel
print(asum)


def in_function(n):
    x = 0
    # omp parallel reduction(task, +: x)
    # omp single
    for i in range(n):
        # omp task in_reduction(+: x) if(i % 2)
        x += i
    # omp end single
    # omp end parallel
    return x


print(in_function(30))
"""


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("threads", [1, 2])
def test_in_reduction_task_run_at_once_counts_once(write, threads, backend):
    same_as_python(write, "in_red.py", IN_REDUCTION_RUN_AT_ONCE, threads, backend)


# collapse.4: `for j in range(i, M)` under `collapse(2)` (OpenMP 5.0's non-rectangular
# nests) was refused at translate time. Each inner iterable is now evaluated for every
# value of the levels above it (nested_space), on `parallel for`, `for` (with ordered
# and a reduction) and `taskloop`, and lastprivate takes python's last iteration.
NON_RECTANGULAR = """\
M = 6
b = {}
# omp parallel for collapse(2) schedule(dynamic, 2)
for i in range(M):
    for j in range(i, M):
        b[(i, j)] = i * j
print(sorted(b.items()))


def region(n):
    out = []
    t = 0
    # omp parallel
    # omp for collapse(3) ordered reduction(+: t) schedule(static, 2)
    for i in range(n):
        for j in range(i):
            for k in range(j, i + 1):
                # omp ordered
                out.append((i, j, k))
                # omp end ordered
                t += i * j * k
    # omp end parallel
    return out, t


print(region(5))
total = 0
# omp parallel
# omp single
# omp taskloop collapse(2) reduction(+: total) grainsize(3)
for i in range(7):
    for j in range(i + 1):
        total += i * 100 + j
# omp end single
# omp end parallel
print(total)
# omp parallel for collapse(2) lastprivate(i, j)
for i in range(4):
    for j in range(i):
        pass
print(i, j)
"""


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("threads", [1, 3])
def test_non_rectangular_collapse(write, threads, backend):
    same_as_python(write, "nonrect.py", NON_RECTANGULAR, threads, backend)
