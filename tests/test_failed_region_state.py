"""What a caught region failure leaves (issue 9, runtime/failedstate.py).

Python keeps the stores of the iterations before the one that raised (and what that
iteration did before raising), none after.  A program that catches a region's
exception and reads what the region stored must see exactly that, or get
``omppy.RegionStateLost`` (raised from its own exception), and a program that
swallows that error too ends with status 1 and the error printed again.  An uncaught
failure shows the program's own exception, as before.
"""

from __future__ import annotations

import textwrap

import pytest
from helpers import run_omppy, run_python, without_gil_notice

PROGRAM = """\
out = [0] * 12
def work(i):
    if i == 7:
        raise ValueError("bad 7")
    return i * i
try:
    # omp parallel for schedule(static)
    for i in range(12):
        out[i] = work(i)
except ValueError as e:
    print("caught", e)
print(out)
"""

LOST = "omppy.runtime.errors.RegionStateLost: "


def _run(script, threads, backend="fork"):
    got = run_omppy("run", str(script), threads=threads, env={"OMPPY_BACKEND": backend})
    got.err = without_gil_notice(got.err)
    return got


@pytest.mark.parametrize("threads", [1, 2, 3, 4])
def test_a_caught_region_failure_leaves_pythons_stores(write, threads):
    script = write("caught.py", PROGRAM)
    expected = run_python(script).out
    assert expected.startswith("caught bad 7\n[0, 1, 4, 9, 16, 25, 36, 0")
    got = _run(script, threads)
    assert (got.status, got.out, got.err) == (0, expected, "")


def test_the_threads_backend_too_when_no_thread_ran_past_the_failure(write):
    script = write("caught.py", PROGRAM)
    expected = run_python(script).out
    got = _run(script, 2, "threads")  # blocks 0-5 and 6-11: 7 is in the last one
    assert (got.status, got.out, got.err) == (0, expected, "")


# Thread 0's block fails (0-5 of 12 on two threads) while thread 1 stores 6-11.
MASTER_FAILS = """\
import time
class Box:
    def __init__(self):
        self.value = None
out = [0] * 12
names = {}
boxes = [Box() for _ in range(12)]
def work(i):
    if i == 2:
        time.sleep(0.3)  # thread 1 is well into its block
        raise ValueError("bad 2")
    return i * i
try:
    # omp parallel for schedule(static)
    for i in range(12):
        v = work(i)
        out[i] = v
        names[i] = str(v)
        boxes[i].value = v
except ValueError as e:
    print("caught", e)
print(out)
print(names)
print([b.value for b in boxes])
"""


@pytest.mark.parametrize("threads", [2, 3, 4])
def test_the_workers_after_a_failure_in_thread_0_are_dropped(write, threads):
    """List, dict (new keys) and attribute stores of the workers' blocks, all after
    the failing iteration, are not applied (fork backend)."""
    script = write("master_fails.py", MASTER_FAILS)
    expected = run_python(script).out
    assert "{0: '0', 1: '1'}" in expected
    got = _run(script, threads)
    assert (got.status, got.out, got.err) == (0, expected, "")


def test_stores_in_place_after_the_failure_are_a_clear_error(write):
    """Threads backend: thread 1's stores of 6-11 are in the shared objects."""
    script = write("master_fails.py", MASTER_FAILS)
    got = _run(script, 2, "threads")
    assert got.status == 1
    assert got.out == ""
    # The program's own exception first, then the error raised from it.
    assert got.err.index("ValueError: bad 2") < got.err.index(LOST)
    assert "The above exception was the direct cause of the following exception" in got.err
    message = got.err.split(LOST, 1)[1].strip()
    assert message == (
        f"{script}:14: the region failed with ValueError: bad 2 (File \"{script}\", "
        "line 11, in work) in thread 0's chunk from iteration 0, where the program may "
        "catch it, and its objects cannot be left as python leaves them (the stores of "
        "the iterations before the one that raised, none after): thread 1 ran the chunk "
        "from iteration 6, after it, and its stores are in place; catch the exception "
        "inside the loop body (or the function it calls), or let it end the program"
    )


ARRAY = """\
import time
import numpy as np
a = np.zeros(8)
def work(i):
    if i == FAILING:
        time.sleep(0.3)
        raise ValueError(f"bad {i}")
    return i + 0.5
try:
    # omp parallel for schedule(static)
    for i in range(8):
        a[i] = work(i)
except ValueError as e:
    print("caught", e)
print(a.tolist())
"""


def test_a_shared_array_written_after_the_failure_is_a_clear_error(write):
    pytest.importorskip("numpy")
    script = write("array.py", ARRAY.replace("FAILING", "1"))
    got = _run(script, 2)
    assert got.status == 1
    assert (
        "thread 1 ran the chunk from iteration 4, after it, and its stores to the "
        "region's numpy arrays in shared memory cannot be undone; catch the exception"
    ) in got.err


def test_a_shared_array_written_only_before_the_failure_is_pythons(write):
    pytest.importorskip("numpy")
    script = write("array.py", ARRAY.replace("FAILING", "6"))
    expected = run_python(script).out
    for threads in (2, 4):
        got = _run(script, threads)
        assert (got.status, got.out, got.err) == (0, expected, ""), threads


def test_a_swallowed_state_lost_error_ends_the_program_with_status_1(write):
    script = write(
        "swallow.py",
        MASTER_FAILS.replace("except ValueError as e:", "except Exception as e:").replace(
            'print("caught", e)', 'print("caught", type(e).__name__)'
        ),
    )
    got = _run(script, 2, "threads")
    assert got.status == 1
    assert got.out.startswith("caught RegionStateLost\n")
    first, message = got.err.split("\n", 1)
    assert first == (
        "omppy: error: the program caught this omppy.RegionStateLost and went on, so it "
        "ends with status 1:"
    )
    assert message.startswith(f"{script}:14: the region failed with ValueError: bad 2")


def test_a_program_that_exits_with_a_status_of_its_own_keeps_it(write):
    script = write(
        "swallow.py",
        MASTER_FAILS.replace("except ValueError as e:", "except Exception as e:")
        + "raise SystemExit(3)\n",
    )
    got = _run(script, 2, "threads")
    assert got.status == 3
    assert "omppy: error" not in got.err


@pytest.mark.parametrize("backend", ["fork", "threads"])
@pytest.mark.parametrize("threads", [1, 2, 3, 4])
def test_an_uncaught_failure_shows_the_programs_exception_alone(write, backend, threads):
    script = write(
        "uncaught.py",
        MASTER_FAILS.replace("try:\n", "if True:\n").replace(
            'except ValueError as e:\n    print("caught", e)\n', ""
        ),
    )
    expected = run_python(script)
    got = _run(script, threads, backend)
    assert got.status == 1
    assert got.out == ""
    assert "RegionStateLost" not in got.err
    assert got.err.rstrip().endswith("ValueError: bad 2")
    assert expected.err.rstrip().endswith("ValueError: bad 2")
    assert f'File "{script}", line 11, in work' in got.err


def test_a_reduction_of_a_failed_region_is_a_clear_error_at_every_team_size(write):
    """Python's ``s`` holds the sum of the iterations before the failure; the region's
    result reaches the program only when it ends."""
    script = write(
        "reduction.py",
        textwrap.dedent(
            """\
            s = 0
            try:
                # omp parallel for reduction(+: s)
                for i in range(12):
                    if i == 11:
                        raise ValueError("bad 11")
                    s += i
            except ValueError as e:
                print("caught", e)
            print(s)
            """
        ),
    )
    for backend in ("fork", "threads"):
        for threads in (1, 2):
            got = _run(script, threads, backend)
            assert got.status == 1, (backend, threads)
            assert "the region binds s, which the program gets only when it ends" in got.err


CALLER_CATCHES = """\
def total(values):
    s = 0.0
    # omp parallel for reduction(+: s)
    for i in range(len(values)):
        if values[i] < 0:
            raise ValueError("math domain error")
        s += values[i] ** 0.5
    return s

for data in ([1.0, 4.0, 9.0], [1.0, -4.0, 9.0]):
    try:
        print(total(data))
    except ValueError as e:
        print("caught", e)
"""


@pytest.mark.parametrize("backend", ["fork", "threads"])
@pytest.mark.parametrize("threads", [1, 2, 3])
def test_a_reduction_local_gone_with_its_function_is_no_error(write, backend, threads):
    """The caller catches the exception: ``total``'s ``s`` went with its frame, under
    python too, so the program gets its own ``ValueError`` (as ``pytest.raises`` would
    around ``total``), not an error about ``s``.  (The region calls nothing, so a
    thread that ran past the failure on the threads backend left nothing to undo; a
    call of ``math.sqrt`` makes the region one that may change what ``math`` holds.)"""
    script = write("caller.py", CALLER_CATCHES)
    expected = run_python(script)
    assert expected.out == "6.0\ncaught math domain error\n"
    got = _run(script, threads, backend)
    assert (got.status, got.out, got.err) == (0, expected.out, "")


# Schedules and constructs whose outcome depends on timing: python's answer, or the
# clear error, never another answer with status 0.
TIMING = {
    "dynamic": """\
        import time
        out = [0] * 16
        def work(i):
            if i == 5:
                time.sleep(0.1)
                raise ValueError("bad 5")
            time.sleep(0.005)
            return i * i
        try:
            # omp parallel for schedule(dynamic)
            for i in range(16):
                out[i] = work(i)
        except ValueError as e:
            print("caught", e)
        print(out)
        """,
    "guided": """\
        d = {i: None for i in range(40)}
        def work(i):
            if i == 20:
                raise ValueError("bad 20")
            return -i
        try:
            # omp parallel for schedule(guided)
            for i in range(40):
                d[i] = work(i)
        except ValueError as e:
            print("caught", e)
        print(d)
        """,
    "static_chunks": """\
        out = [0] * 12
        def work(i):
            if i == 7:
                raise ValueError("bad 7")
            return i * i
        try:
            # omp parallel for schedule(static, 2)
            for i in range(12):
                out[i] = work(i)
        except ValueError as e:
            print("caught", e)
        print(out)
        """,
    "sections": """\
        log = {"a": 0, "b": 0, "c": 0, "d": 0}
        def c():
            log["c"] = 3
            raise KeyError("c")
        try:
            # omp parallel sections
            # omp section
            log["a"] = 1
            # omp section
            log["b"] = 2
            # omp section
            c()
            # omp section
            log["d"] = 4
            # omp end parallel sections
        except KeyError as e:
            print("caught", e)
        print(log)
        """,
    "nested": """\
        out = [[0] * 4 for _ in range(4)]
        try:
            # omp parallel for
            for i in range(4):
                # omp parallel for
                for j in range(4):
                    if i == 2 and j == 1:
                        raise ValueError("2,1")
                    out[i][j] = i * 10 + j
        except ValueError as e:
            print("caught", e)
        print(out)
        """,
    "orphaned_for_nowait": """\
        out = [0] * 12
        after = [0, 0, 0, 0]
        def fill(n):
            # omp for nowait
            for i in range(n):
                if i == 9:
                    raise RuntimeError("nine")
                out[i] = i
        try:
            # omp parallel
            if True:
                fill(12)
                after[omp_get_thread_num()] = 1
        except RuntimeError as e:
            print("caught", e)
        print(out, after)
        """,
}


@pytest.mark.parametrize("backend", ["fork", "threads"])
@pytest.mark.parametrize("case", list(TIMING), ids=list(TIMING))
def test_pythons_answer_or_a_clear_error(write, case, backend):
    text = textwrap.dedent(TIMING[case])
    if "omp_get_thread_num" in text:
        text = "from omppy import omp_get_thread_num\n" + text
    script = write(f"{case}.py", text)
    expected = run_python(script)
    assert expected.status == 0
    for threads in (1, 2, 3, 4):
        got = _run(script, threads, backend)
        if got.status == 0:
            assert (got.out, got.err) == (expected.out, ""), threads
        else:
            # Raised, or caught (RegionStateLost is a RuntimeError, as every OmpError)
            # and printed again at the end.
            assert got.status == 1, (threads, got.err)
            assert LOST in got.err or "caught this omppy.RegionStateLost" in got.err
            assert "catch the exception inside the loop body" in got.err
