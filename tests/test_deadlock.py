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


# -- a team that stands still (deadlock.Board): every thread left or waits in vain ------

_baselines: dict[tuple[int, str], float] = {}


def check_stuck(write, source: str, threads: int, backend: str, *fragments: str) -> str:
    """The program stops with TeamDeadlock naming each fragment (``{script}`` stands
    for its path), about as fast as a team that does nothing, and leaves nothing."""
    script = write("prog.py", textwrap.dedent(source).lstrip("\n"))
    if (threads, backend) not in _baselines:
        plain = write("plain.py", "# omp parallel\nx = 1\n# omp end parallel\n")
        _baselines[threads, backend] = timed_run(plain, threads, backend)[1]
    got, took = timed_run(script, threads, backend)
    assert got.status == 1, got.err
    assert "TeamDeadlock: no thread of the team of" in got.err, got.err
    for fragment in fragments:
        assert fragment.format(script=script) in got.err, (fragment, got.err)
    assert "omppy/runtime" not in got.err
    assert took < _baselines[threads, backend] + 5, (took, _baselines)
    assert leftovers(script) == []
    return got.err


LOCK_KEPT_BY_A_THREAD_THAT_LEFT = """
    import time
    from omppy import omp_get_thread_num, omp_init_lock, omp_set_lock, omp_unset_lock
    lock = omp_init_lock()
    # omp parallel
    if True:
        if omp_get_thread_num() == 0:
            omp_set_lock(lock)
        else:
            time.sleep(0.2)
            omp_set_lock(lock)
            omp_unset_lock(lock)
    # omp end parallel
    print("done")
"""


@BACKENDS
@pytest.mark.parametrize("threads", [2, 4])
def test_a_lock_kept_by_a_thread_that_left_the_region(write, threads, backend):
    err = check_stuck(
        write,
        LOCK_KEPT_BY_A_THREAD_THAT_LEFT,
        threads,
        backend,
        "thread 0 has left the region ({script}:4)",
        ("wait" if threads > 2 else "waits")
        + " to set the lock made at {script}:3 (omp_set_lock at {script}:10), "
        "which thread 0 holds",
        "never releases it",
    )
    assert err.count("TeamDeadlock: no thread") == 1 + err.count("direct cause")


LOCK_KEPT_AT_A_BARRIER = """
    import time
    from omppy import omp_get_thread_num, omp_init_lock, omp_set_lock, omp_unset_lock
    lock = omp_init_lock()
    # omp parallel
    if True:
        if omp_get_thread_num() == 0:
            omp_set_lock(lock)
        else:
            time.sleep(0.2)
            omp_set_lock(lock)
            omp_unset_lock(lock)
        # omp barrier
        if omp_get_thread_num() == 0:
            omp_unset_lock(lock)
    # omp end parallel
    print("done")
"""


@BACKENDS
@pytest.mark.parametrize("threads", [2, 3])
def test_a_lock_kept_by_a_thread_waiting_at_a_barrier(write, threads, backend):
    check_stuck(
        write,
        LOCK_KEPT_AT_A_BARRIER,
        threads,
        backend,
        "thread 0 waits at the barrier at {script}:12",
        "(omp_set_lock at {script}:10), which thread 0 holds",
        "release the lock before waiting",
    )


CRITICAL_AND_LOCK_IN_A_CYCLE = """
    import time
    from omppy import omp_get_thread_num, omp_init_lock, omp_set_lock, omp_unset_lock
    lock = omp_init_lock()
    total = 0
    # omp parallel
    if True:
        if omp_get_thread_num() == 0:
            omp_set_lock(lock)
            time.sleep(0.3)
            # omp critical
            total += 1
            omp_unset_lock(lock)
        else:
            time.sleep(0.1)
            # omp critical
            if True:
                omp_set_lock(lock)
                total += 1
                omp_unset_lock(lock)
    # omp end parallel
    print(total)
"""


@BACKENDS
@pytest.mark.parametrize("threads", [2, 3])
def test_a_critical_section_and_a_lock_held_crosswise(write, threads, backend):
    """Thread 0 holds the lock and waits to enter 'critical'; the thread inside the
    critical section waits for the lock."""
    others = ["waits to enter 'critical' at {script}:15, which thread "] if threads > 2 else []
    check_stuck(
        write,
        CRITICAL_AND_LOCK_IN_A_CYCLE,
        threads,
        backend,
        "thread 0 waits to enter 'critical' at {script}:10, which thread ",
        "(omp_set_lock at {script}:17), which thread 0 holds",
        *others,  # the third thread waits at the door of the critical section too
    )


ORDERED_LOOP_THREAD_0_SKIPS = """
    from omppy import omp_get_thread_num
    out = []
    # omp parallel
    if omp_get_thread_num() != 0:
        # omp for ordered schedule(static)
        for i in range(8):
            # omp ordered
            out.append(i)
    # omp end parallel
    print(out)
"""


@BACKENDS
@pytest.mark.parametrize("threads", [2, 4])
def test_an_ordered_loop_whose_first_turns_belong_to_a_thread_that_left(
    write, threads, backend
):
    check_stuck(
        write,
        ORDERED_LOOP_THREAD_0_SKIPS,
        threads,
        backend,
        "thread 0 has left the region ({script}:3)",
        "for its turn at the ordered block at {script}:7",
        "the turn is at iteration 0 (no thread runs it)",
        "take their turns in order",
    )


ORDERED_TURN_OWNER_WAITS_FOR_A_LOCK = """
    import time
    from omppy import omp_get_thread_num, omp_init_lock, omp_set_lock, omp_unset_lock
    lock = omp_init_lock()
    out = []
    # omp parallel num_threads(2)
    if True:
        if omp_get_thread_num() == 1:
            omp_set_lock(lock)
        time.sleep(0.2)
        # omp for ordered schedule(static, 1)
        for i in range(2):
            if i == 0:
                omp_set_lock(lock)
                omp_unset_lock(lock)
            # omp ordered
            out.append(i)
        if omp_get_thread_num() == 1:
            omp_unset_lock(lock)
    # omp end parallel
    print(out)
"""


@BACKENDS
def test_an_ordered_turn_whose_owner_waits_for_a_lock_the_next_one_holds(write, backend):
    check_stuck(
        write,
        ORDERED_TURN_OWNER_WAITS_FOR_A_LOCK,
        2,
        backend,
        "thread 0 waits to set the lock made at {script}:3 (omp_set_lock at {script}:13), "
        "which thread 1 holds",
        "thread 1 waits for its turn at the ordered block at {script}:15 (iteration 1); "
        "the turn is at iteration 0 (thread 0's)",
    )


TASKWAIT_FOR_A_TASK_THAT_WAITS_FOR_THE_LOCK = """
    import time
    from omppy import omp_init_lock, omp_set_lock, omp_unset_lock
    LOCK = omp_init_lock()


    def take():
        omp_set_lock(LOCK)
        omp_unset_lock(LOCK)


    # omp parallel
    if True:
        # omp master
        if True:
            omp_set_lock(LOCK)
            # omp task priority(1)
            take()
            time.sleep(0.3)
            # omp taskwait
            omp_unset_lock(LOCK)
    # omp end parallel
    print("done")
"""


@pytest.mark.parametrize("threads", [2, 3])
def test_a_taskwait_for_a_task_that_waits_for_a_lock_its_creator_holds(write, threads):
    """Tasks run on the fork backend only.  The task runs on another thread (it sleeps
    first): if its creator ran it, setting the lock again stops it at once instead."""
    script = write("prog.py", textwrap.dedent(TASKWAIT_FOR_A_TASK_THAT_WAITS_FOR_THE_LOCK))
    got, _ = timed_run(script, threads)
    assert got.status == 1, got.err
    if "sets a lock it already holds" not in got.err:
        assert f"thread 0 waits at 'taskwait' at {script}:20" in got.err, got.err
        assert f"(omp_set_lock at {script}:8), which thread 0 holds" in got.err, got.err
    assert leftovers(script) == []


LOOP_ON_ONE_THREAD_DYNAMIC = LOOP_ON_ONE_THREAD.replace("# omp for", "# omp for schedule(dynamic)")


@BACKENDS
@pytest.mark.parametrize("threads", [2, 3])
def test_a_dynamic_loop_only_thread_0_encounters(write, threads, backend):
    check_stops(write, LOOP_ON_ONE_THREAD_DYNAMIC, threads, "6", "will never reach", backend)


RACY_ROUNDS = """
    rounds = 0
    # omp parallel
    while True:
        # omp single nowait
        rounds += 1
        if rounds >= 6:
            break
        # omp barrier
    # omp end parallel
    print(rounds)
"""


@BACKENDS
@pytest.mark.parametrize("threads", [2, 3, 4])
def test_a_racy_round_counter_gives_the_answer_or_the_error_never_a_hang(
    write, threads, backend
):
    """The counter is written by one thread while the others read it: they may
    disagree on the number of rounds and meet different barriers, or none."""
    script = write("prog.py", textwrap.dedent(RACY_ROUNDS).lstrip("\n"))
    expected = run_python(script).out
    for _ in range(3):
        got, _ = timed_run(script, threads, backend)
        if got.status == 0:
            assert got.out == expected, got.err
        else:
            assert "TeamDeadlock: " in got.err, got.err
        assert leftovers(script) == []


LONG_BUT_FINITE_WAITS = """
    import time
    from omppy import omp_get_thread_num, omp_init_lock, omp_set_lock, omp_unset_lock
    lock = omp_init_lock()
    out = []
    # omp parallel
    if True:
        if omp_get_thread_num() == 0:
            omp_set_lock(lock)
            time.sleep(0.6)
            omp_unset_lock(lock)
        else:
            time.sleep(0.1)
            omp_set_lock(lock)
            omp_unset_lock(lock)
        if omp_get_thread_num() == 1:
            time.sleep(0.6)
        # omp barrier
        # omp critical
        if True:
            time.sleep(0.2)
            out.append(1)
        # omp barrier
        # omp for ordered schedule(static, 1)
        for i in range(6):
            if i == 2:
                time.sleep(0.4)
            # omp ordered
            out.append(i)
    # omp end parallel
    print(len(out))
"""


@BACKENDS
@pytest.mark.parametrize("threads", [2, 4])
def test_long_waits_that_end_are_no_deadlock(write, threads, backend):
    """Every thread waits long (a lock, a barrier, 'critical', an ordered turn) while
    one teammate works: no error, the sequential answer.  (The barrier between the
    critical and the ordered appends keeps them apart: critical and ordered exclude
    each other's threads no more than in C, so without it the two appends race.)"""
    script = write("prog.py", textwrap.dedent(LONG_BUT_FINITE_WAITS).lstrip("\n"))
    got = run_omppy(
        "run", str(script), threads=threads, timeout=60, env={"OMPPY_BACKEND": backend}
    )
    assert (got.status, got.out) == (0, f"{threads + 6}\n"), got.err


LOCK_KEPT_AT_AN_IMPLIED_BARRIER = """
    import time
    from omppy import omp_get_thread_num, omp_init_lock, omp_set_lock, omp_unset_lock
    lock = omp_init_lock()
    out = [0] * 4
    # omp parallel
    if True:
        if omp_get_thread_num() == 0:
            omp_set_lock(lock)
        else:
            time.sleep(0.2)
            omp_set_lock(lock)
            omp_unset_lock(lock)
{construct}
        omp_unset_lock(lock)
    # omp end parallel
    print(out)
"""

IMPLIED_BARRIERS = {
    "single": (
        "    # omp single\n    out[0] = 1",
        "the barrier that ends a 'single' at {script}:14",
    ),
    "for": (
        "    # omp for\n    for i in range(4):\n        out[i] = i",
        "the barrier that ends a 'for' or 'sections' at {script}:14",
    ),
    "sections": (
        "    # omp sections\n    # omp section\n    out[0] = 1\n    # omp section\n"
        "    out[1] = 2\n    # omp end sections",
        "the barrier that ends a 'for' or 'sections' at {script}:13",
    ),
}


@BACKENDS
@pytest.mark.parametrize("construct", sorted(IMPLIED_BARRIERS))
def test_a_lock_kept_at_the_barrier_that_ends_a_construct(write, construct, backend):
    code, where = IMPLIED_BARRIERS[construct]
    source = textwrap.dedent(LOCK_KEPT_AT_AN_IMPLIED_BARRIER).replace(
        "{construct}", textwrap.indent(code, "    ")
    )
    check_stuck(
        write,
        source,
        2,
        backend,
        "thread 0 waits at " + where,
        "thread 1 waits to set the lock made at {script}:3",
        "which thread 0 holds",
    )


WORKSHARE_NOWAIT_ON_ONE_THREAD = """
    from omppy import omp_get_thread_num
    out = [0] * 10
    # omp parallel
    if omp_get_thread_num() == 0:
        # omp for nowait
        for i in range(10):
            out[i] = i
    # omp end parallel
    print(out)
"""


@BACKENDS
@pytest.mark.parametrize("threads", [2, 3])
def test_a_for_nowait_only_thread_0_meets_is_an_error_not_a_partial_answer(
    write, threads, backend
):
    """Nothing waits (nowait), so nothing hangs; but thread 0 alone would run only its
    share of the iterations.  The region's end compares what the threads met."""
    script = write("prog.py", textwrap.dedent(WORKSHARE_NOWAIT_ON_ONE_THREAD).lstrip("\n"))
    got, _ = timed_run(script, threads, backend)
    assert got.status == 1 and got.out == "", got.err
    others = "thread 1" if threads == 2 else "threads 1 and 2"
    assert (
        f"OmpError: the threads of the region at {script}:3 met different numbers of "
        f"work-sharing constructs ('for', 'sections', 'single'): thread 0 met 1; "
        f"{others} met 0." in got.err
    ), got.err
    assert leftovers(script) == []


LOCK_HELD_OUTSIDE_THE_TEAM = """
    import time
    from omppy import omp_get_thread_num, omp_init_lock, omp_set_lock, omp_unset_lock
    lock = omp_init_lock()
    # omp parallel num_threads(2)
    if True:
        if omp_get_thread_num() == 1:
            omp_set_lock(lock)
            time.sleep(1.0)
            omp_unset_lock(lock)
        else:
            time.sleep(0.2)
            # omp parallel num_threads(2)
            if True:
                omp_set_lock(lock)
                omp_unset_lock(lock)
            # omp end parallel
    # omp end parallel
    print("done")
"""


@BACKENDS
def test_a_team_waiting_for_a_lock_held_outside_it_is_not_stuck(write, backend):
    """The inner team's threads all wait, for a lock that a thread of the outer team
    holds for a second: no teammate holds it, so it may be unset (and it is)."""
    script = write("prog.py", textwrap.dedent(LOCK_HELD_OUTSIDE_THE_TEAM).lstrip("\n"))
    got = run_omppy(
        "run",
        str(script),
        timeout=60,
        env={"OMPPY_BACKEND": backend, "OMP_MAX_ACTIVE_LEVELS": "2"},
    )
    assert (got.status, got.out) == (0, "done\n"), got.err


CAUGHT_AND_GOING_ON = """
    import time
    from omppy import TeamDeadlock, omp_get_thread_num, omp_init_lock, omp_set_lock

    lock = omp_init_lock()
    try:
        # omp parallel
        if True:
            if omp_get_thread_num() == 0:
                omp_set_lock(lock)
            else:
                time.sleep(0.2)
                omp_set_lock(lock)
        # omp end parallel
    except TeamDeadlock as error:
        print("caught", "which thread 0 holds" in str(error))
    total = 0
    # omp parallel reduction(+:total)
    total += 1
    # omp end parallel
    print(total)
"""


@BACKENDS
def test_the_master_catches_the_error_and_the_next_region_runs(write, backend):
    script = write("prog.py", textwrap.dedent(CAUGHT_AND_GOING_ON).lstrip("\n"))
    got, _ = timed_run(script, 3, backend)
    assert (got.status, got.out) == (0, "caught True\n3\n"), got.err
    assert leftovers(script) == []


ORDERED_TURN_OWNER_AT_A_BARRIER = """
    out = []


    def wait_for_all():
        # omp barrier
        pass


    # omp parallel num_threads(2)
    if True:
        # omp for ordered schedule(static, 1)
        for i in range(4):
            if i == 0:
                wait_for_all()
            # omp ordered
            out.append(i)
    # omp end parallel
    print(out)
"""


@BACKENDS
def test_an_ordered_turn_whose_owner_waits_at_a_barrier(write, backend):
    """An orphaned barrier inside the loop (through a call): thread 0 waits there
    before it has had its turn; thread 1 waits for that turn."""
    check_stuck(
        write,
        ORDERED_TURN_OWNER_AT_A_BARRIER,
        2,
        backend,
        "thread 0 waits at the barrier at {script}:5",
        "thread 1 waits for its turn at the ordered block at {script}:15 (iteration 1); "
        "the turn is at iteration 0 (thread 0's)",
    )
