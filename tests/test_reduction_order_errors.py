"""Issue 9: an order-dependent reduction that must keep one partial result per thread
(``reduction(task, ...)``, a loop with ``linear``, the clause of a ``parallel`` region
with a loop inside) under a schedule that deals chunks out of order is an OmpError
naming the loop's line, the variable and the fix, not a list in thread order with
exit status 0.  Order-free reductions (ints) stay allowed there."""

from __future__ import annotations

import pytest
from helpers import run_omppy

SLOW = "        time.sleep(0.003)  # the chunks spread over the threads\n"

REGION = (
    "import time\n"
    "log = []\n"
    "# omp parallel reduction(+:log)\n"
    "if True:\n"
    "    # omp for schedule(dynamic, 1)\n"
    "    for i in range(12):\n" + SLOW + "        log.append(i)\n"
    "print(log)\n"
)
LINEAR = (
    "import time\n"
    "out = []\n"
    "k = 0\n"
    "# omp parallel for reduction(+:out) linear(k) schedule(dynamic, 2)\n"
    "for i in range(12):\n" + SLOW.replace("    ", "", 1) + "    out.append(i)\n"
    "    k += 1\n"
    "print(out, k)\n"
)
TASK = (
    "out = []\n"
    "# omp parallel\n"
    "if True:\n"
    "    # omp for reduction(task, +:out) schedule(dynamic, 2)\n"
    "    for i in range(12):\n"
    "        out.append(i)\n"
    "print(out)\n"
)


def kept_per_thread(where: str, name: str) -> str:
    return (
        f"OmpError: {where}: reduction(+: {name}) of a list keeps one partial result per "
        "thread here (the clause of a 'parallel' region, or a loop with 'linear'), "
        "combined in thread order, and this loop's schedule hands chunks out of order: "
        f"{name} would not come out in python's order; use schedule(static) without a "
        "chunk, or a '# omp for reduction(...)' of the loop alone\n"
    )


@pytest.mark.parametrize("backend", ["fork", "threads"])
def test_a_regions_list_reduction_over_a_dynamic_loop_is_refused(write, backend):
    script = write("region.py", REGION)
    got = run_omppy("run", str(script), threads=3, env={"OMPPY_BACKEND": backend})
    assert got.status == 1
    assert got.out == ""
    assert got.err.endswith(kept_per_thread(f"{script}:6", "log"))


@pytest.mark.parametrize("backend", ["fork", "threads"])
def test_a_linear_loops_list_reduction_under_a_dynamic_schedule_is_refused(write, backend):
    script = write("linear.py", LINEAR)
    got = run_omppy("run", str(script), threads=3, env={"OMPPY_BACKEND": backend})
    assert got.status == 1
    assert got.err.endswith(kept_per_thread(f"{script}:5", "out"))


@pytest.mark.parametrize("backend", ["fork", "threads"])
def test_a_task_modified_list_reduction_under_a_dynamic_schedule_is_refused(write, backend):
    script = write("task.py", TASK)
    got = run_omppy("run", str(script), threads=3, env={"OMPPY_BACKEND": backend})
    assert got.status == 1
    assert got.err.endswith(
        f"OmpError: {script}:5: reduction(+: out) of a list depends on the order its "
        "partial results are combined in, and this loop's schedule hands chunks out of "
        "order (a 'reduction(task, ...)' keeps one partial per thread); use "
        "schedule(static) without a chunk, or a reduction of a type whose combine does "
        "not depend on order\n"
    )


def test_the_same_loops_under_a_static_schedule_or_of_ints_run(write):
    static = write("static.py", REGION.replace("schedule(dynamic, 1)", "schedule(static)"))
    got = run_omppy("run", str(static), threads=3)
    assert (got.status, got.out) == (0, f"{list(range(12))}\n")
    source = REGION.replace("log = []", "log = 0").replace("log.append(i)", "log += i")
    ints = write("ints.py", source)
    got = run_omppy("run", str(ints), threads=3)
    assert (got.status, got.out) == (0, "66\n")
