"""Failures in a team (docs/runtime-api.md, "Failures"): exceptions reach the master as
themselves, dead workers are reported promptly and by name, and nothing is left running
afterwards."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest
from helpers import ROOT, run_omppy

# Every test runs programs end to end: not in the quick suite (pytest -m "not slow").
pytestmark = pytest.mark.slow

# Prepended to programs: the pids whose parent is this process (no child process is
# started to find them, so the answer is exact), and whether a pid still runs.
PRELUDE = textwrap.dedent(
    """
    import os, signal, sys, time
    from omppy import omp_get_thread_num, omp_get_num_threads, WorkerDied, WorkerException

    def children():
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
)


def program(write, body: str, name: str = "prog.py"):
    return write(name, PRELUDE + textwrap.dedent(body).lstrip("\n"))


def line_of(script, text: str) -> int:
    """The 1-based number of the first line of ``script`` that contains ``text``."""
    return next(n for n, line in enumerate(script.read_text().splitlines(), 1) if text in line)


def alive(pid: int) -> bool:
    """True while ``pid`` runs (a zombie counts as gone: it has exited)."""
    try:
        with open(f"/proc/{pid}/stat") as handle:
            state = handle.read().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def wait_gone(pids, timeout=3.0) -> list[int]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        left = [p for p in pids if alive(p)]
        if not left:
            return []
        time.sleep(0.02)
    return [p for p in pids if alive(p)]


# -- exceptions ---------------------------------------------------------------------------


@pytest.mark.parametrize("threads", [2, 3])
def test_value_error_reaches_master_as_itself(write, threads):
    script = program(
        write,
        """
        try:
            # omp parallel for
            for i in range(9):
                if i == 8:  # the last block: a worker's iteration
                    raise ValueError(f"bad value at {i}")
        except ValueError as error:
            print(type(error).__name__, error, error.args)
            cause = error.__cause__
            print(type(cause).__name__, repr(str(cause)))
        print("children", children())
        """,
    )
    got = run_omppy("run", str(script), threads=threads)
    assert got.status == 0, got.err
    lines = got.out.splitlines()
    assert lines[0] == "ValueError bad value at 8 ('bad value at 8',)"
    assert lines[1].startswith("RemoteTraceback ")
    line = line_of(script, 'raise ValueError(f"bad value at {i}")')
    assert f'File "{script}", line {line}' in lines[1]
    assert "bad value at 8" in lines[1]
    assert lines[2:] == ["children []"]
    assert got.err == ""


def test_worker_traceback_points_at_users_line(write):
    script = program(
        write,
        """
        def compute(i):
            return 10 // (i - 5)

        try:
            # omp parallel for
            for i in range(6):
                compute(i)
        except ZeroDivisionError as error:
            import traceback
            cause = "".join(traceback.format_exception(error.__cause__))
            print(cause.count(f'File "{__file__}", line LINE, in compute'))
            print("omppy/runtime" in cause, "omppy/transform" in cause)
        """,
    )
    script.write_text(script.read_text().replace("LINE", str(line_of(script, "10 // (i - 5)"))))
    got = run_omppy("run", str(script), threads=2)
    assert got.status == 0, got.err
    assert got.out == "1\nFalse False\n"


def test_two_argument_exception_keeps_type_message_and_attributes(write):
    script = program(
        write,
        """
        class ParseProblem(Exception):
            def __init__(self, line, reason):
                super().__init__(f"line {line}: {reason}")
                self.line = line
                self.reason = reason

        try:
            # omp parallel for schedule(static, 1)
            for i in range(6):
                if i == 4:
                    raise ParseProblem(i + 1, "unexpected token")
        except ParseProblem as error:
            print(type(error).__name__, str(error), error.args, error.line, error.reason)
        """,
    )
    got = run_omppy("run", str(script), threads=3)
    assert got.status == 0, got.err
    assert got.out == (
        "ParseProblem line 5: unexpected token ('line 5: unexpected token',) 5 unexpected token\n"
    )


@pytest.mark.parametrize(
    ("attribute", "kind"), [("threading.Lock()", "Locked"), ("lambda: 1", "WithLambda")]
)
def test_unpicklable_exception_arrives_readable(write, attribute, kind):
    script = program(
        write,
        f"""
        import threading

        class {kind}(Exception):
            def __init__(self, message):
                super().__init__(message)
                self.extra = {attribute}

        try:
            # omp parallel for schedule(static, 1)
            for i in range(4):
                if i == 1:
                    raise {kind}("cannot travel")
        except Exception as error:
            print(type(error).__name__ in ("WorkerException", "{kind}"))
            print(isinstance(error, (WorkerException, {kind})))
            print(str(error))
            print(getattr(error, "type_name", "{kind}"), getattr(error, "message", str(error)))
            print("cannot travel" in str(error.__cause__))
        """,
    )
    got = run_omppy("run", str(script), threads=2)
    assert got.status == 0, got.err
    lines = got.out.splitlines()
    assert lines[:2] == ["True", "True"]
    assert kind in lines[2] and "cannot travel" in lines[2]
    assert lines[3] == f"{kind} cannot travel"
    assert lines[4] == "True"


def test_several_threads_raising_give_thread_0s_exception_with_a_note(write):
    script = program(
        write,
        """
        try:
            # omp parallel
            # omp barrier
            raise ValueError(f"thread {omp_get_thread_num()}")
            # omp end parallel
        except ValueError as error:
            print(repr(error))
            print(error.__notes__[0])
        """,
    )
    raising = line_of(script, "raise ValueError")
    got = run_omppy("run", str(script), threads=3)
    assert got.status == 0, got.err
    assert got.out == (
        "ValueError('thread 0')\n"
        "omppy: 2 more threads of the team failed in this region:\n"
        f'  thread 1: ValueError: thread 1 (File "{script}", line {raising}, in <module>)\n'
        f'  thread 2: ValueError: thread 2 (File "{script}", line {raising}, in <module>)\n'
    )


def test_the_first_iteration_that_raised_is_the_programs_exception(write):
    # Every third iteration raises, in every thread's block: python stops at i == 1,
    # thread 0's.  Thread 0 (the master) starts last; it runs its block still.
    script = program(
        write,
        """
        def check(i):
            if i % 3 == 1:
                raise ValueError(f"bad {i}")

        try:
            # omp parallel for
            for i in range(12):
                check(i)
        except ValueError as error:
            print(repr(error))
        """,
    )
    got = run_omppy("run", str(script), threads=4)
    assert got.status == 0, got.err
    assert got.out == "ValueError('bad 1')\n"


def test_an_uncaught_failure_of_several_threads_shows_the_first_and_names_the_others(write):
    script = program(
        write,
        """
        # omp parallel
        # omp barrier
        raise LookupError(f"nothing at {omp_get_thread_num()}")
        # omp end parallel
        """,
    )
    raising = line_of(script, "raise LookupError")
    got = run_omppy("run", str(script), threads=2)
    assert got.status == 1
    tail = got.err.split("LookupError: nothing at 0\n", 1)[1]
    assert tail == (
        "omppy: 1 more thread of the team failed in this region:\n"
        f'  thread 1: LookupError: nothing at 1 (File "{script}", line {raising}, in <module>)\n'
    ), got.err
    assert f'File "{script}", line {raising}, in <module>' in got.err.split("LookupError")[0]


def test_several_failures_are_catchable_with_except_star(write):
    script = program(
        write,
        """
        try:
            # omp parallel
            if omp_get_thread_num() == 0:
                raise KeyError("k")
            raise ValueError(omp_get_thread_num())
            # omp end parallel
        except* KeyError as keys:
            print("keys", [str(e) for e in keys.exceptions])
            print(keys.exceptions[0].__notes__[0].splitlines()[1:])
        except* ValueError as values:
            print("values", sorted(str(e) for e in values.exceptions))
        """,
    )
    got = run_omppy("run", str(script), threads=3)
    assert got.status == 0, got.err
    assert got.out.startswith("keys [\"'k'\"]\n['  thread 1: ValueError: 1 (File ")


def test_every_exception_raised_after_a_barrier_is_reported(write):
    # 6 threads on a small machine make the race likely; stop at the first loss
    script = program(
        write,
        """
        THREADS = 6
        for attempt in range(25):
            try:
                # omp parallel num_threads(THREADS)
                # omp barrier
                raise ValueError(omp_get_thread_num())
                # omp end parallel
            except ValueError as error:
                others = error.__notes__[0].splitlines()[1:]
                got = [int(str(error))] + [int(line.split()[1].rstrip(":")) for line in others]
            if got != list(range(THREADS)):
                print("lost", attempt, got)
                break
        else:
            print("all reported")
        """,
    )
    got = run_omppy("run", str(script), threads=None, timeout=30)
    assert got.status == 0, got.err
    assert got.out == "all reported\n"


def test_uncaught_worker_exception_exit_status(write):
    script = program(
        write,
        """
        # omp parallel for schedule(static, 1)
        for i in range(4):
            if i == 3:
                raise LookupError("nothing at 3")
        print("not reached")
        """,
    )
    got = run_omppy("run", str(script), threads=2)
    assert got.status == 1
    assert got.out == ""
    assert got.err.rstrip().endswith("LookupError: nothing at 3")
    assert f'File "{script}", line {line_of(script, "raise LookupError")}' in got.err


def test_exception_while_others_wait_at_barrier(write):
    script = program(
        write,
        """
        for who in (0, 1, 2):
            start = time.monotonic()
            try:
                # omp parallel
                if omp_get_thread_num() == who:
                    raise ValueError(f"thread {who} failed")
                # omp barrier
                print("passed the barrier", flush=True)
                # omp end parallel
            except ValueError as error:
                print("caught", error, time.monotonic() - start < 5)
        print("children", children())
        """,
    )
    got = run_omppy("run", str(script), threads=3, timeout=20)
    assert got.status == 0, got.err
    assert got.out == (
        "caught thread 0 failed True\n"
        "caught thread 1 failed True\n"
        "caught thread 2 failed True\n"
        "children []\n"
    )


# -- workers that die ---------------------------------------------------------------------

DEATHS = {
    "sigkill-static": (
        """
        # omp parallel for schedule(static, 1)
        for i in range(6):
            if omp_get_thread_num() == 1:
                os.kill(os.getpid(), signal.SIGKILL)
            time.sleep(0.01)
        """,
        ["thread 1", "SIGKILL"],
    ),
    "sigkill-dynamic": (
        """
        # omp parallel for schedule(dynamic, 1)
        for i in range(40):
            if omp_get_thread_num() == 1:
                os.kill(os.getpid(), signal.SIGKILL)
            time.sleep(0.01)
        """,
        ["thread 1", "SIGKILL"],
    ),
    "os-exit": (
        """
        # omp parallel for schedule(static, 1)
        for i in range(6):
            if omp_get_thread_num() == 1:
                os._exit(7)
        """,
        ["thread 1", "status 7"],
    ),
    "sigkill-at-barrier": (
        """
        # omp parallel
        if omp_get_thread_num() == 1:
            time.sleep(0.2)  # the others are already waiting at the barrier
            os.kill(os.getpid(), signal.SIGKILL)
        # omp barrier
        print("after the barrier", omp_get_thread_num())
        # omp end parallel
        """,
        ["thread 1", "SIGKILL"],
    ),
    "sigkill-before-barrier": (
        """
        # omp parallel
        if omp_get_thread_num() == 1:
            os.kill(os.getpid(), signal.SIGKILL)
        # omp barrier
        print("after the barrier", omp_get_thread_num())
        # omp end parallel
        """,
        ["thread 1", "SIGKILL"],
    ),
    "os-exit-at-barrier": (
        """
        # omp parallel
        if omp_get_thread_num() == 2:
            time.sleep(0.2)
            os._exit(7)
        # omp barrier
        print("after the barrier", omp_get_thread_num())
        # omp end parallel
        """,
        ["thread 2", "status 7"],
    ),
    "sigkill-in-critical": (
        """
        hits = []
        # omp parallel
        if omp_get_thread_num() != 1:
            time.sleep(0.2)
        # omp critical
        if omp_get_thread_num() == 1:
            os.kill(os.getpid(), signal.SIGKILL)
        hits.append(omp_get_thread_num())
        # omp end critical
        # omp end parallel
        """,
        ["thread 1", "SIGKILL"],
    ),
    "sigkill-in-ordered": (
        """
        order = []
        # omp parallel for ordered schedule(static, 1)
        for i in range(9):
            if i == 4:
                os.kill(os.getpid(), signal.SIGKILL)  # thread 1 (static, 1 on 3 threads)
            # omp ordered
            order.append(i)
        """,
        ["thread 1", "SIGKILL"],
    ),
    "sigsegv": (
        """
        # omp parallel for schedule(static, 1)
        for i in range(3):
            if omp_get_thread_num() == 2:
                os.kill(os.getpid(), signal.SIGSEGV)
        """,
        ["thread 2", "SIGSEGV"],
    ),
}


def _death_program(body: str) -> str:
    return (
        "def region():\n"
        + textwrap.indent(textwrap.dedent(body).lstrip("\n"), "    ")
        + textwrap.dedent(
            """
            start = time.monotonic()
            try:
                region()
            except WorkerDied as error:
                print("WorkerDied", error.thread_num, error, file=sys.stderr)
                print("died", error.thread_num)
            print("prompt", time.monotonic() - start < 5)
            print("children", children())
            # the team works again after a failure
            squares = [0] * 10
            # omp parallel for
            for i in range(10):
                squares[i] = i * i
            print(squares)
            """
        )
    )


@pytest.mark.parametrize("case", list(DEATHS), ids=list(DEATHS))
def test_dead_worker_is_reported_promptly(write, case):
    body, words = DEATHS[case]
    script = write("dies.py", PRELUDE + _death_program(body))
    start = time.monotonic()
    got = run_omppy("run", str(script), threads=3, timeout=20)
    assert time.monotonic() - start < 8
    assert got.status == 0, got.err
    thread = words[0].split()[1]
    lines = [line for line in got.out.splitlines() if not line.startswith("after the barrier")]
    assert lines == [
        f"died {thread}",
        "prompt True",
        "children []",
        str([i * i for i in range(10)]),
    ], got.out
    # The message's first line (a crash adds the worker's Python stack below it).
    message = next(line for line in got.err.splitlines() if line.startswith("WorkerDied"))
    for word in words:
        assert word in message, message


def test_uncaught_dead_worker_fails_the_run(write):
    script = program(
        write,
        """
        print("start", flush=True)
        # omp parallel for schedule(static, 1)
        for i in range(4):
            if omp_get_thread_num() == 1:
                os.kill(os.getpid(), signal.SIGKILL)
        print("not reached")
        """,
    )
    start = time.monotonic()
    got = run_omppy("run", str(script), threads=2, timeout=20)
    assert time.monotonic() - start < 8
    assert got.status == 1
    assert got.out == "start\n"
    last = got.err.strip().splitlines()[-1]
    assert last.startswith("omppy.runtime.errors.WorkerDied: thread 1 (pid ")
    assert "killed by signal 9 (SIGKILL)" in last


def test_no_process_outlives_a_failed_run(write):
    script = program(
        write,
        """
        print("master", os.getpid(), flush=True)
        # omp parallel
        print("worker", os.getpid(), flush=True)
        # omp barrier
        if omp_get_thread_num() == 1:
            os._exit(3)
        time.sleep(0.3)
        # omp end parallel
        """,
    )
    got = run_omppy("run", str(script), threads=3, timeout=20)
    assert got.status == 1
    assert "thread 1" in got.err and "status 3" in got.err
    master = int(got.out.split("master ")[1].split()[0])
    workers = [int(line.split()[1]) for line in got.out.splitlines() if line.startswith("worker")]
    assert len(workers) == 3 and master in workers
    assert wait_gone(workers) == []
    done = subprocess.run(["pgrep", "-P", str(master)], capture_output=True, text=True)
    assert done.stdout == ""


# -- the master dies or is interrupted ------------------------------------------------------

SLEEPING_TEAM = """
    print("pid", omp_get_thread_num(), os.getpid(), flush=True)
    # omp barrier
    time.sleep(30)
"""


def _start_team(write, body: str, threads: int = 3):
    script = program(write, body)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OMP_", "OMPPY_"))}
    env.update(PYTHONPATH=str(ROOT), OMP_NUM_THREADS=str(threads), PYTHONDONTWRITEBYTECODE="1")
    process = subprocess.Popen(
        [sys.executable, "-m", "omppy", "run", str(script)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        start_new_session=True,
    )
    pids = {}  # thread number -> pid (the threads print in any order)
    try:
        while len(pids) < threads:
            line = process.stdout.readline()
            assert line, process.stderr.read()
            if line.startswith("pid "):
                _, thread, pid = line.split()
                pids[int(thread)] = int(pid)
    except BaseException:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        raise
    time.sleep(0.2)  # every thread is asleep in the region
    return process, [pids[t] for t in range(threads)]


def _finish(process, timeout=5.0):
    try:
        out, err = process.communicate(timeout=timeout)
        return out, err, False
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        out, err = process.communicate()
        return out, err, True


def test_workers_die_with_the_master(write):
    body = "# omp parallel\n" + textwrap.dedent(SLEEPING_TEAM) + "# omp end parallel\n"
    process, pids = _start_team(write, body)
    assert pids[0] == process.pid  # thread 0 is the process that reached the region
    os.kill(process.pid, signal.SIGKILL)
    _, _, hung = _finish(process)
    assert not hung
    assert wait_gone(pids) == []


def test_ctrl_c_stops_the_whole_team(write):
    body = "# omp parallel\n" + textwrap.dedent(SLEEPING_TEAM) + "# omp end parallel\n"
    process, pids = _start_team(write, body)
    start = time.monotonic()
    os.killpg(process.pid, signal.SIGINT)  # what a terminal's Ctrl-C does
    _, err, hung = _finish(process)
    assert not hung and time.monotonic() - start < 5
    assert process.returncode == 130  # as 'omppy run' reports an uncaught KeyboardInterrupt
    assert err.rstrip().endswith("\nKeyboardInterrupt")
    assert err.count("KeyboardInterrupt") == 1  # one interrupt, not one per thread
    assert "ExceptionGroup" not in err
    assert wait_gone(pids) == []


def test_ctrl_c_raises_one_keyboard_interrupt(write):
    body = (
        "try:\n"
        + textwrap.indent(
            "# omp parallel\n" + textwrap.dedent(SLEEPING_TEAM) + "# omp end parallel\n", "    "
        )
        + "except KeyboardInterrupt:\n    print('interrupted', flush=True)\n"
    )
    process, pids = _start_team(write, body)
    os.killpg(process.pid, signal.SIGINT)
    out, err, hung = _finish(process)
    assert not hung
    assert out.splitlines()[-1:] == ["interrupted"], err
    assert process.returncode == 0
    assert wait_gone(pids) == []


def test_interrupting_the_master_alone_stops_the_team(write):
    body = "# omp parallel\n" + textwrap.dedent(SLEEPING_TEAM) + "# omp end parallel\n"
    process, pids = _start_team(write, body)
    start = time.monotonic()
    os.kill(process.pid, signal.SIGINT)
    _, err, hung = _finish(process, timeout=1.0)  # the team sleeps 30 s unless stopped
    assert not hung, "the team kept running after the master was interrupted"
    assert time.monotonic() - start < 1.5
    assert "KeyboardInterrupt" in err
    assert wait_gone(pids) == []
