"""Output from a team (docs/runtime-api.md, "Output"): every line of every thread arrives
once and whole, text written before a region is not duplicated by the fork, and
barriers order output."""

from __future__ import annotations

import collections
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from helpers import ROOT, Result, run_omppy, run_python

# Every test runs programs end to end: not in the quick suite (pytest -m "not slow").
pytestmark = pytest.mark.slow

WIDTH = 3000  # longer than a pipe's atomic write size would need to be safe by luck
LINES = 40


def src(text: str) -> str:
    return textwrap.dedent(text).lstrip("\n")


def run_to_files(script: Path, threads: int, tmp_path: Path) -> Result:
    """``omppy run`` with stdout and stderr redirected to files, not pipes."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OMP_", "OMPPY_"))}
    env.update(PYTHONPATH=str(ROOT), OMP_NUM_THREADS=str(threads), PYTHONDONTWRITEBYTECODE="1")
    out_path, err_path = tmp_path / "stdout.txt", tmp_path / "stderr.txt"
    with open(out_path, "wb") as out, open(err_path, "wb") as err:
        done = subprocess.run(
            [sys.executable, "-m", "omppy", "run", str(script)],
            stdout=out,
            stderr=err,
            env=env,
            timeout=30,
        )
    return Result(done.returncode, out_path.read_text(), err_path.read_text())


def run_both_ways(script: Path, threads: int, tmp_path: Path) -> list[tuple[str, Result]]:
    return [
        ("pipe", run_omppy("run", str(script), threads=threads)),
        ("file", run_to_files(script, threads, tmp_path)),
    ]


def check_lines(text: str, expected: collections.Counter, label: str) -> None:
    assert text.endswith("\n"), label
    lines = text.split("\n")[:-1]
    got = collections.Counter(lines)
    lost = expected - got
    extra = got - expected
    assert not lost and not extra, (
        f"{label}: {sum(lost.values())} lines lost/split, {sum(extra.values())} unexpected; "
        f"first unexpected: {next(iter(extra), '')[:80]!r}"
    )


def line(tag: str) -> str:
    return f"{tag}:" + "x" * WIDTH + f":{tag}"


REGION_PROGRAM = src(
    f"""
    import sys
    from omppy import omp_get_thread_num

    WIDTH = {WIDTH}

    def line(tag):
        return f"{{tag}}:" + "x" * WIDTH + f":{{tag}}"

    # omp parallel
    me = omp_get_thread_num()
    for k in range({LINES}):
        print(line(f"out-{{me}}-{{k}}"))
        sys.stderr.write(line(f"err-{{me}}-{{k}}") + "\\n")
    # omp end parallel
    """
)


@pytest.mark.parametrize("threads", [2, 3])
def test_every_thread_prints_every_line_once_and_whole(write, tmp_path, threads):
    script = write("region.py", REGION_PROGRAM)
    out_expected = collections.Counter(
        line(f"out-{t}-{k}") for t in range(threads) for k in range(LINES)
    )
    err_expected = collections.Counter(
        line(f"err-{t}-{k}") for t in range(threads) for k in range(LINES)
    )
    for how, got in run_both_ways(script, threads, tmp_path):
        assert got.status == 0, got.err[-2000:]
        assert got.out.count("\n") == threads * LINES, how
        check_lines(got.out, out_expected, f"stdout to a {how}")
        check_lines(got.err, err_expected, f"stderr to a {how}")


def test_each_threads_lines_keep_their_order(write, tmp_path):
    script = write("region.py", REGION_PROGRAM)
    for how, got in run_both_ways(script, 3, tmp_path):
        assert got.status == 0, how
        for stream in (got.out, got.err):
            order = collections.defaultdict(list)
            for text in stream.splitlines():
                _, thread, number = text.split(":")[0].split("-")
                order[int(thread)].append(int(number))
            assert order == {t: list(range(LINES)) for t in range(3)}, how


LOOP_PROGRAM = src(
    f"""
    import sys
    WIDTH = {WIDTH}

    # omp parallel for schedule(dynamic, 2)
    for i in range({LINES * 2}):
        text = f"it-{{i}}:" + "x" * WIDTH + f":it-{{i}}"
        print(text)
        print(text, file=sys.stderr)
    """
)


def test_parallel_for_prints_one_line_per_iteration(write, tmp_path):
    script = write("loop.py", LOOP_PROGRAM)
    expected = collections.Counter(line(f"it-{i}") for i in range(LINES * 2))
    sequential = run_python(script)
    assert collections.Counter(sequential.out.splitlines()) == expected
    for how, got in run_both_ways(script, 3, tmp_path):
        assert got.status == 0, how
        check_lines(got.out, expected, f"stdout to a {how}")
        check_lines(got.err, expected, f"stderr to a {how}")


BEFORE_AFTER = src(
    """
    import sys
    from omppy import omp_get_thread_num

    print("header")
    print("before-", end="")  # buffered, no newline: a fork must not print it twice
    sys.stderr.write("err-before-")  # the same on stderr
    # omp parallel
    print(f"in-{omp_get_thread_num()}")
    # omp end parallel
    print("after")
    sys.stderr.write("err-after\\n")
    print("before-again-", end="")
    # omp parallel for
    for i in range(4):
        print(f"loop-{i}")
    print("end")
    """
)


@pytest.mark.parametrize("threads", [2, 3])
def test_text_before_a_region_is_written_once_and_in_order(write, tmp_path, threads):
    script = write("order.py", BEFORE_AFTER)
    for how, got in run_both_ways(script, threads, tmp_path):
        assert got.status == 0, (how, got.err)
        lines = got.out.splitlines()
        assert lines[0] == "header", how
        # the pending "before-" is completed by the first line written in the region
        assert lines[1].startswith("before-in-"), (how, lines)
        first = sorted([lines[1].removeprefix("before-"), *lines[2 : 1 + threads]])
        assert first == [f"in-{t}" for t in range(threads)], (how, lines)
        rest = lines[1 + threads :]
        assert rest[0] == "after", (how, lines)
        assert rest[1].startswith("before-again-loop-"), (how, lines)
        loop = sorted([rest[1].removeprefix("before-again-"), *rest[2:5]])
        assert loop == [f"loop-{i}" for i in range(4)], (how, lines)
        assert rest[5:] == ["end"], (how, lines)
        assert got.out.count("before-") == 2, how
        assert got.err.count("err-before-") == 1, (how, got.err)
        assert got.err.endswith("err-after\n"), (how, got.err)


def test_output_before_a_barrier_comes_before_output_after_it(write, tmp_path):
    script = write(
        "barrier.py",
        src(
            """
            import sys, time
            from omppy import omp_get_thread_num
            # omp parallel
            me = omp_get_thread_num()
            if me == 0:
                time.sleep(0.1)  # thread 0 is last to write its phase-1 line
            for k in range(5):
                print(f"phase1-{me}-{k}")
                sys.stderr.write(f"phase1-{me}-{k}\\n")
            # omp barrier
            for k in range(5):
                print(f"phase2-{me}-{k}")
                sys.stderr.write(f"phase2-{me}-{k}\\n")
            # omp end parallel
            """
        ),
    )
    for how, got in run_both_ways(script, 3, tmp_path):
        assert got.status == 0, (how, got.err)
        for stream in (got.out, got.err):
            phases = [text.split("-")[0] for text in stream.splitlines()]
            assert phases == ["phase1"] * 15 + ["phase2"] * 15, (how, stream)


def test_pieces_of_a_line_are_joined(write, tmp_path):
    script = write(
        "pieces.py",
        src(
            """
            import sys
            from omppy import omp_get_thread_num
            # omp parallel
            me = omp_get_thread_num()
            for k in range(30):
                sys.stdout.write(f"<{me}")
                sys.stdout.write("-" * 500)
                sys.stdout.write(f"{k}>")
                sys.stdout.write("\\n")
                sys.stdout.flush()
            # omp end parallel
            """
        ),
    )
    expected = collections.Counter(
        f"<{t}" + "-" * 500 + f"{k}>" for t in range(3) for k in range(30)
    )
    for how, got in run_both_ways(script, 3, tmp_path):
        assert got.status == 0, (how, got.err)
        check_lines(got.out, expected, how)


def test_unterminated_lines_come_out_as_in_python(write, tmp_path):
    # partial lines left at the end of each thread's part come out as they would
    # sequentially when only one thread writes at a time
    script = write(
        "partial.py",
        src(
            """
            import sys, time
            from omppy import omp_get_thread_num
            # omp parallel for schedule(static)
            for i in range(3):
                time.sleep(0.1 * i)
                sys.stdout.write(f"part-{i}-")
                print("end")
                sys.stdout.write(f"tail{i}")
            print()
            """
        ),
    )
    sequential = "part-0-end\ntail0part-1-end\ntail1part-2-end\ntail2\n"  # python's output
    for how, got in run_both_ways(script, 3, tmp_path):
        assert (got.status, got.out) == (0, sequential), (how, got.err)


def test_output_of_a_failing_worker_is_kept(write, tmp_path):
    script = write(
        "fails.py",
        src(
            """
            import os, signal, sys
            from omppy import omp_get_thread_num
            try:
                # omp parallel
                print(f"said-{omp_get_thread_num()}")
                sys.stdout.write(f"unterminated-{omp_get_thread_num()}")
                if omp_get_thread_num() == 1:
                    raise ValueError("x")
                # omp end parallel
            except ValueError:
                print("\\ncaught")
            try:
                # omp parallel
                print(f"last-{omp_get_thread_num()}")
                if omp_get_thread_num() == 1:
                    os.kill(os.getpid(), signal.SIGKILL)
                # omp end parallel
            except Exception as error:
                print(type(error).__name__)
            """
        ),
    )
    for how, got in run_both_ways(script, 2, tmp_path):
        assert got.status == 0, (how, got.err)
        text = got.out
        for piece in (
            "said-0\n",
            "said-1\n",
            "unterminated-0",
            "unterminated-1",
            "caught\n",
            "last-0\n",
            "last-1\n",
        ):
            assert text.count(piece) == 1, (how, piece, text)
        assert text.endswith("WorkerDied\n"), (how, text)


def test_print_flush_and_writelines(write, tmp_path):
    script = write(
        "flush.py",
        src(
            """
            import sys
            from omppy import omp_get_thread_num
            # omp parallel
            me = omp_get_thread_num()
            print(f"flushed-{me}", flush=True)
            sys.stdout.writelines([f"wl-{me}-a\\n", f"wl-{me}-b\\n"])
            print(f"enc-{me}", sys.stdout.encoding is not None, sys.stdout.writable())
            # omp end parallel
            """
        ),
    )
    expected = collections.Counter()
    for t in range(2):
        expected.update([f"flushed-{t}", f"wl-{t}-a", f"wl-{t}-b", f"enc-{t} True True"])
    for how, got in run_both_ways(script, 2, tmp_path):
        assert got.status == 0, (how, got.err)
        check_lines(got.out, expected, how)


def test_binary_writes_to_stdout_buffer(write, tmp_path):
    script = write(
        "binary.py",
        src(
            """
            import sys
            from omppy import omp_get_thread_num
            # omp parallel
            sys.stdout.buffer.write(f"bytes-{omp_get_thread_num()}\\n".encode())
            # omp end parallel
            """
        ),
    )
    got = run_omppy("run", str(script), threads=2)
    assert got.status == 0, got.err
    assert sorted(got.out.splitlines()) == ["bytes-0", "bytes-1"]


def test_output_redirected_to_stringio_is_not_lost(write):
    script = write(
        "redirect.py",
        src(
            """
            import contextlib, io
            from omppy import omp_get_thread_num
            buffer = io.StringIO()
            with contextlib.redirect_stdout(buffer):
                print("start")
                # omp parallel
                print("thread", omp_get_thread_num())
                # omp end parallel
                print("end")
            lines = buffer.getvalue().splitlines()
            print(lines[0], sorted(lines[1:-1]), lines[-1])
            """
        ),
    )
    got = run_omppy("run", str(script), threads=2)
    assert got.status == 0, got.err
    assert got.out == "start ['thread 0', 'thread 1'] end\n"
