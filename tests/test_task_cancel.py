"""``cancel taskgroup`` (docs/tasks.md, "Cancelling a taskgroup"): the mark in the task
table and the groups nested in a cancelled one, in process; end to end, that the tasks
of a cancelled group that had not started never run, that running ones stop at a
cancellation point, ``OMP_CANCELLATION=false``, and the run-time error of a task in no
taskgroup (on both backends).  The differential program is tests/corpus/tasks_cancel.py;
the translator's messages are in test_constructs_errors.py."""

from __future__ import annotations

import textwrap
from types import SimpleNamespace
from typing import Any

import pytest
from helpers import run_omppy, without_gil_notice

from omppy.runtime import taskgroups
from omppy.runtime import taskpool as tp
from omppy.runtime.taskgroups import TaskGroup


def _state(pool: tp.TaskPool | None) -> Any:
    return SimpleNamespace(pool=pool)


def test_a_cancelled_group_and_the_groups_nested_in_it_in_the_task_table() -> None:
    pool = tp.TaskPool(2, 1 << 16)
    pool.reset()
    try:
        state = _state(pool)
        outer = pool.alloc_group(None, 0)
        inner = pool.alloc_group(outer, 1)
        other = pool.alloc_group(None, 0)
        assert not taskgroups.cancelled(state, inner)
        pool.cancel_group(*outer)
        pool.cancel_group(*outer)  # once only
        assert pool.words[tp.CANCELLED_GROUPS] == 1
        assert taskgroups.cancelled(state, outer)
        assert taskgroups.cancelled(state, inner)  # a descendant's task stops too
        assert not taskgroups.cancelled(state, other)
        assert not taskgroups.cancelled(state, None)
        pool.free_group(inner[0])
        pool.free_group(outer[0])
        assert pool.words[tp.CANCELLED_GROUPS] == 0
        # A group that reuses the record is not cancelled, and a stale reference
        # to the freed one says nothing is left to run.
        again = pool.alloc_group(None, 0)
        assert again[0] == outer[0] and not taskgroups.cancelled(state, again)
        assert not taskgroups.cancelled(state, outer)
    finally:
        pool.close()


def test_a_cancelled_group_in_a_team_of_one() -> None:
    frame = SimpleNamespace(groups=[], group=None)
    frame.current_group = lambda: frame.groups[-1].ref if frame.groups else frame.group
    state = SimpleNamespace(pool=None, frames=[frame], thread=SimpleNamespace(num=0))
    outer = TaskGroup(state, {})
    inner = TaskGroup(state, {})
    assert inner.parent is outer and not taskgroups.cancelled(state, inner)
    taskgroups.cancel(state, outer)
    assert taskgroups.cancelled(state, inner) and taskgroups.cancelled(state, outer)


# -- end to end --------------------------------------------------------------------------


def _run(path: str, backend: str, threads: int = 2, timeout: float = 30) -> Any:
    env = {"OMPPY_BACKEND": backend}
    result = run_omppy("run", path, threads=threads, timeout=timeout, env=env)
    result.err = without_gil_notice(result.err)
    return result


def _program(tmp_path, text: str) -> str:
    path = tmp_path / "prog.py"
    path.write_text(textwrap.dedent(text).lstrip("\n"))
    return str(path)


BACKENDS = pytest.mark.parametrize("backend", ["fork", "threads"])


@pytest.mark.slow
@BACKENDS
def test_tasks_that_had_not_started_never_run(tmp_path, backend: str) -> None:
    """40 tasks of half a second, then an undeferred task cancels the group: at most the
    one the other thread took has run (all of them would take 10 s on two threads)."""
    path = _program(
        tmp_path,
        """
        import time
        ran = []
        began = time.perf_counter()
        # omp parallel num_threads(2)
        # omp single
        if True:
            # omp taskgroup
            if True:
                for k in range(40):
                    # omp task
                    if True:
                        time.sleep(0.5)
                        # omp critical
                        ran.append(k)
                    # omp end task
                # omp task if(0)
                if True:
                    # omp cancel taskgroup
                    pass
                # omp end task
            # omp end taskgroup
        # omp end parallel
        print(len(ran) <= 2, time.perf_counter() - began < 5)
        """,
    )
    result = _run(path, backend, timeout=60)
    assert (result.status, result.out, result.err) == (0, "True True\n", "")


@pytest.mark.slow
@BACKENDS
def test_a_running_task_stops_at_its_cancellation_point(tmp_path, backend: str) -> None:
    """The long task runs on the other thread (its steps are seen through shared
    memory); the cancel makes it stop at its next cancellation point, far from its 400
    steps, and what it did until then is kept."""
    path = _program(
        tmp_path,
        """
        import time
        import omppy.shared
        steps = omppy.shared.zeros(1, dtype=int)
        done = [0]
        # omp parallel num_threads(2)
        # omp single
        if True:
            # omp taskgroup
            if True:
                # omp task
                if True:
                    for step in range(400):
                        # omp cancellation point taskgroup
                        steps[0] += 1
                        done[0] = step + 1
                        time.sleep(0.01)
                # omp end task
                # omp task if(0)
                if True:
                    waited = 0
                    while steps[0] == 0 and waited < 1000:
                        time.sleep(0.01)
                        waited += 1
                    # omp cancel taskgroup
                # omp end task
            # omp end taskgroup
        # omp end parallel
        print(0 < done[0] < 400, done[0] == steps[0])
        """,
    )
    result = _run(path, backend, timeout=60)
    assert (result.status, result.out, result.err) == (0, "True True\n", "")


@pytest.mark.slow
def test_cancellation_off_runs_every_task(tmp_path) -> None:
    path = _program(
        tmp_path,
        """
        ran = []
        # omp parallel
        # omp single
        if True:
            # omp taskgroup
            for k in range(30):
                # omp task
                if True:
                    # omp critical
                    ran.append(k)
                    # omp cancel taskgroup
                # omp end task
        # omp end parallel
        print(sorted(ran) == list(range(30)))
        """,
    )
    result = run_omppy("run", path, threads=2, env={"OMP_CANCELLATION": "false"})
    assert (result.status, result.out, result.err) == (0, "True\n", "")


@pytest.mark.slow
@pytest.mark.parametrize("threads", [1, 2])
@BACKENDS
def test_a_task_in_no_taskgroup_is_an_error_at_its_line(
    tmp_path, threads: int, backend: str
) -> None:
    path = _program(
        tmp_path,
        """
        def check(i):
            # omp task
            if True:
                if i == 2:
                    # omp cancellation point taskgroup
                    pass
            # omp end task

        # omp parallel
        # omp single
        for i in range(4):
            check(i)
        """,
    )
    result = _run(path, backend, threads)
    assert result.status == 1 and result.out == ""
    assert f'File "{path}", line 5, in check\n    # omp cancellation point taskgroup\n' in (
        result.err
    )
    assert result.err.endswith(
        "OmpError: '# omp cancellation point taskgroup' ran in a task that belongs to no "
        "taskgroup; OpenMP requires the task to be inside a '# omp taskgroup' (or a "
        "'# omp taskloop' without nogroup) of the same parallel region\n"
    )
