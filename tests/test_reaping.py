"""Workers reaped off the critical path (runtime/reaping.py): a region returns once
it holds every worker's whole report, and the workers, which are exiting, are
reaped before the next team forks and at exit.  No zombie piles up, none is left
at exit, and a worker that dies is still waited for and reported at once."""

from __future__ import annotations

import textwrap

import pytest
from helpers import run_omppy

pytestmark = pytest.mark.slow

CHILDREN = """
import atexit, os

def children():
    # The pids whose parent is this process, zombies included.
    me, found = os.getpid(), []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as handle:
                    fields = handle.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == me:
                found.append(int(entry))
    return found
"""


@pytest.mark.parametrize("threads", [2, 4])
def test_at_most_one_teams_workers_wait_and_none_at_exit(write, threads):
    script = write(
        "prog.py",
        CHILDREN
        + textwrap.dedent(
            """
            def region(k):
                total = 0
                # omp parallel for reduction(+:total)
                for i in range(k):
                    total += i
                return total

            most = 0
            for k in range(40):
                assert region(k) == k * (k - 1) // 2
                most = max(most, len(children()))
            print("most", most)
            atexit._run_exitfuncs()  # what the interpreter runs when it exits
            print("at exit", children())
            """
        ),
    )
    got = run_omppy("run", str(script), threads=threads, timeout=60)
    assert got.status == 0, got.err
    most, at_exit = got.out.splitlines()
    assert int(most.split()[1]) <= threads - 1  # the last team's workers at most
    assert at_exit == "at exit []"


def test_a_worker_that_dies_after_others_finished_is_still_reported(write):
    script = write(
        "prog.py",
        CHILDREN
        + textwrap.dedent(
            """
            import time
            from omppy import WorkerDied, omp_get_thread_num

            def region():
                # omp parallel
                if omp_get_thread_num() == 2:
                    time.sleep(0.2)  # the others' reports are in long before
                    os._exit(3)
                # omp end parallel

            try:
                region()
            except WorkerDied as error:
                print("died", error.thread_num, "exited with status 3" in str(error))
            atexit._run_exitfuncs()
            print("at exit", children())
            """
        ),
    )
    got = run_omppy("run", str(script), threads=3, timeout=60)
    assert got.status == 0, got.err
    assert got.out.splitlines() == ["died 2 True", "at exit []"]
