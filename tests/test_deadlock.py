"""A team whose threads would wait for each other for ever stops with TeamDeadlock
(docs/runtime-api.md, "Failures"): each program below hangs in C."""

from __future__ import annotations

import textwrap
import time
from pathlib import Path

import pytest
from helpers import run_omppy, run_python

pytestmark = pytest.mark.slow  # each runs a program; the fast suite has the unit below

BARRIER_ON_ONE_THREAD = """
    from omppy import omp_get_thread_num
    # omp parallel
    if omp_get_thread_num() == 0:
        # omp barrier
        pass
    # omp end parallel
    print("done")
"""

LOOP_ON_ONE_THREAD = """
    from omppy import omp_get_thread_num
    out = [0] * 10
    # omp parallel
    if omp_get_thread_num() == 0:
        # omp for
        for i in range(10):
            out[i] = i
    # omp end parallel
    print(out)
"""

LOCK_SET_TWICE = """
    from omppy import omp_init_lock, omp_set_lock, omp_unset_lock
    lock = omp_init_lock()
    # omp parallel
    if True:
        omp_set_lock(lock)
        omp_set_lock(lock)
        omp_unset_lock(lock)
    # omp end parallel
    print("done")
"""

ROUNDS_DIFFER = """
    from omppy import omp_get_thread_num
    rounds = 0
    # omp parallel
    while True:
        # omp single
        rounds += 1
        if rounds > 3 + omp_get_thread_num():
            break
        # omp barrier
    # omp end parallel
    print(rounds)
"""


def leftovers(script: Path) -> list[int]:
    """Processes still running the script (a team's workers carry its command line)."""
    found = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            if str(script).encode() in (proc / "cmdline").read_bytes():
                found.append(int(proc.name))
        except OSError:
            continue
    return found


def timed_run(script: Path, threads: int, backend: str = "fork"):
    start = time.monotonic()
    got = run_omppy(
        "run", str(script), threads=threads, timeout=60, env={"OMPPY_BACKEND": backend}
    )
    return got, time.monotonic() - start


def check_stops(
    write, source: str, threads: int, where: str, message: str, backend: str = "fork"
) -> None:
    script = write("prog.py", textwrap.dedent(source).lstrip("\n"))
    # The same start-up and team, without the deadlock: what the check may add to it.
    plain = write("plain.py", "# omp parallel\nx = 1\n# omp end parallel\n")
    baseline = timed_run(plain, threads, backend)[1]
    got, took = timed_run(script, threads, backend)
    assert got.status == 1, got.err
    assert "TeamDeadlock: " in got.err, got.err
    assert f"({script}:{where}" in got.err, got.err
    assert message in got.err, got.err
    assert "omppy/runtime" not in got.err  # the program's frames only
    assert took < baseline + 5, (took, baseline)  # it answers within about a second
    assert leftovers(script) == []


BACKENDS = pytest.mark.parametrize("backend", ["fork", "threads"])


@BACKENDS
@pytest.mark.parametrize("threads", [2, 3, 4])
def test_a_barrier_only_thread_0_reaches(write, threads, backend):
    check_stops(write, BARRIER_ON_ONE_THREAD, threads, "4", "waits at a barrier", backend)


@BACKENDS
@pytest.mark.parametrize("threads", [2, 4])
def test_a_work_sharing_loop_only_thread_0_encounters(write, threads, backend):
    check_stops(write, LOOP_ON_ONE_THREAD, threads, "6", "will never reach", backend)


@BACKENDS
@pytest.mark.parametrize("threads", [2, 3])
def test_a_simple_lock_set_twice_by_its_holder(write, threads, backend):
    check_stops(write, LOCK_SET_TWICE, threads, "6", "the lock was made at", backend)


def test_a_simple_lock_set_twice_stops_under_python_too(write):
    script = write("prog.py", textwrap.dedent(LOCK_SET_TWICE).lstrip("\n"))
    got = run_python(script, timeout=30)
    assert got.status == 1 and "TeamDeadlock: thread 0 sets a lock it already holds" in got.err


@BACKENDS
@pytest.mark.parametrize("threads", [2, 3, 4])
def test_threads_that_disagree_on_the_rounds_stop_instead_of_hanging(write, threads, backend):
    check_stops(
        write, ROUNDS_DIFFER, threads, "9", "has finished its part of the region", backend
    )


DIFFERENT_BARRIERS = """
    from omppy import omp_get_thread_num
    # omp parallel
    if omp_get_thread_num() == 0:
        # omp barrier
        print("zero")
    else:
        # omp barrier
        print("other")
    # omp end parallel
"""


@pytest.mark.parametrize("threads", [2, 3])
def test_threads_at_different_barriers_stop_before_passing_each_other(write, threads):
    script = write("prog.py", textwrap.dedent(DIFFERENT_BARRIERS).lstrip("\n"))
    got = run_omppy("run", str(script), threads=threads, timeout=60)
    assert got.status == 1 and got.out == "", got.err
    assert "wait at different barriers (thread 0 at " in got.err
    assert f"at {script}:4; " in got.err and f"at {script}:7)" in got.err
    assert leftovers(script) == []


CANCELLED_BEFORE_A_BARRIER = """
    from omppy import omp_get_thread_num
    reached = []
    # omp parallel
    if True:
        if omp_get_thread_num() == 0:
            # omp cancel parallel
            pass
        # omp barrier
        # omp critical
        reached.append(omp_get_thread_num())
    # omp end parallel
    print(0 not in reached)
"""


@pytest.mark.parametrize("threads", [2, 3])
def test_a_thread_that_left_a_cancelled_region_meets_the_others_at_their_barrier(
    write, threads
):
    """Thread 0 cancels the region and drains at its end while the others wait at the
    barrier inside it (cancel.py): not threads at different barriers."""
    script = write("prog.py", textwrap.dedent(CANCELLED_BEFORE_A_BARRIER).lstrip("\n"))
    got = run_omppy("run", str(script), threads=threads, timeout=60)
    assert (got.status, got.out) == (0, "True\n"), got.err
    assert leftovers(script) == []


def test_a_nest_lock_may_be_set_again_by_its_holder(write):
    script = write(
        "prog.py",
        textwrap.dedent(
            """
            from omppy import omp_init_nest_lock, omp_set_nest_lock, omp_unset_nest_lock
            lock = omp_init_nest_lock()
            hits = 0
            # omp parallel reduction(+:hits)
            if True:
                omp_set_nest_lock(lock)
                omp_set_nest_lock(lock)
                hits += 1
                omp_unset_nest_lock(lock)
                omp_unset_nest_lock(lock)
            # omp end parallel
            print(hits > 0)
            """
        ).lstrip("\n"),
    )
    got = run_omppy("run", str(script), threads=3)
    assert (got.status, got.out) == (0, "True\n"), got.err
