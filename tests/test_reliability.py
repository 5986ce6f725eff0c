"""Real machines: limits, big teams, crashes in C, threads at fork time, native thread
pools, leaks (docs/reliability.md).  Each test runs a real program in a subprocess."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import textwrap
import time

import pytest
from helpers import ROOT, run_omppy

try:
    import resource
except ImportError:  # pragma: no cover - not POSIX
    resource = None  # type: ignore[assignment]

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="uses /proc and Linux limits"
)

# Prepended to programs: this process's figures from /proc.
PRELUDE = textwrap.dedent(
    """
    import os, resource, signal, sys, time
    from omppy import omp_get_thread_num, omp_get_num_threads, WorkerDied

    def status(field):
        with open("/proc/self/status") as handle:
            for line in handle:
                if line.startswith(field + ":"):
                    return int(line.split()[1])

    def maps():
        with open("/proc/self/maps") as handle:
            return sum(1 for _ in handle)

    def raise_open_files(count):
        soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
        if soft < count:
            resource.setrlimit(resource.RLIMIT_NOFILE, (count, hard))
    """
)


def program(write, body: str, name: str = "prog.py"):
    return write(name, PRELUDE + textwrap.dedent(body).lstrip("\n"))


def hard_open_files() -> int:
    if resource is None:
        return 0
    hard = resource.getrlimit(resource.RLIMIT_NOFILE)[1]
    return 1 << 30 if hard == resource.RLIM_INFINITY else hard


# -- descriptors and big teams ---------------------------------------------------------------


@pytest.mark.skipif(hard_open_files() < 1400, reason="needs an open-file limit above 1400")
def test_a_program_with_many_open_files_runs_regions(write):
    """Descriptors above 1023 (which select() cannot watch) for the team's pipes, in
    the join and in the liveness checks of threads waiting for a dead one."""
    script = program(
        write,
        """
        raise_open_files(1400)
        held = [os.open(os.devnull, os.O_RDONLY) for _ in range(1100)]
        total = 0
        # omp parallel for reduction(+:total) schedule(dynamic, 3)
        for i in range(1000):
            total += i
        print("total", total)
        try:
            # omp parallel
            if omp_get_thread_num() == 1:
                os.kill(os.getpid(), signal.SIGKILL)  # the others wait at the barrier
            # omp barrier
            # omp end parallel
        except WorkerDied as error:
            print("died", error.thread_num, error.how.split(";")[0])
        """,
    )
    got = run_omppy("run", str(script), threads=3, timeout=30)
    assert got.status == 0, got.err
    assert got.out == "total 499500\ndied 1 killed by signal 9 (SIGKILL)\n"


@pytest.mark.slow
@pytest.mark.timeout(240)
@pytest.mark.skipif(hard_open_files() < 2200, reason="needs an open-file limit above 2200")
def test_a_team_of_a_thousand_threads(write):
    """1,000 processes on however few cores: 1,998 pipe descriptors, 1,000 watchers."""
    script = program(
        write,
        """
        raise_open_files(2200)
        count = 0
        size = 0
        # omp parallel reduction(+:count) reduction(max:size)
        count += 1
        size = max(size, omp_get_num_threads())
        # omp end parallel
        print(count, size)
        """,
    )
    got = run_omppy("run", str(script), threads=1000, timeout=200)
    assert got.status == 0, got.err
    assert got.out == "1000 1000\n"


@pytest.mark.slow
@pytest.mark.timeout(120)
@pytest.mark.skipif(hard_open_files() < 1400, reason="needs an open-file limit above 1400")
def test_a_team_above_the_soft_open_file_limit_raises_it(write):
    script = program(
        write,
        """
        soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
        resource.setrlimit(resource.RLIMIT_NOFILE, (1024, hard))
        count = 0
        # omp parallel reduction(+:count)
        count += 1
        # omp end parallel
        print(count, resource.getrlimit(resource.RLIMIT_NOFILE)[0] > 1024)
        """,
    )
    got = run_omppy("run", str(script), threads=520, timeout=100)
    assert got.status == 0, got.err
    assert got.out == "520 True\n"


def test_a_team_above_the_hard_open_file_limit_is_a_clear_error(write):
    script = program(
        write,
        """
        resource.setrlimit(resource.RLIMIT_NOFILE, (128, 128))
        try:
            # omp parallel
            pass
            # omp end parallel
        except Exception as error:
            print(type(error).__name__, error)
        total = 0
        # omp parallel for reduction(+:total) num_threads(4)
        for i in range(10):
            total += i
        print(total)
        """,
    )
    got = run_omppy("run", str(script), threads=100, timeout=30)
    assert got.status == 0, got.err
    first, second = got.out.splitlines()
    assert first.startswith("ResourceLimit a team of 100 threads needs 198 file descriptors")
    assert "ulimit -n" in first and "soft 128, hard 128" in first
    assert second == "45"  # a smaller team still works


# -- address space ---------------------------------------------------------------------------

# Limits the address space to what the program maps now plus 1.5 GiB.  A team of 16
# used to reserve 33 exchange buffers of 256 MiB (8.25 GiB) and fail with ENOMEM.
UNDER_LIMIT = textwrap.dedent(
    """
    resource.setrlimit(
        resource.RLIMIT_AS, (status("VmSize") * 1024 + (3 << 29), resource.RLIM_INFINITY)
    )
    """
)


def test_a_team_fits_under_an_address_space_limit(write):
    script = program(
        write,
        UNDER_LIMIT
        + textwrap.dedent(
            """
        total = 0
        parts = []
        # omp parallel reduction(+:total)
        total += omp_get_thread_num()
        # omp barrier
        # omp critical
        parts.append(omp_get_thread_num())
        # omp end critical
        # omp end parallel
        print(total, sorted(parts) == list(range(16)))
        """
        ),
    )
    got = run_omppy("run", str(script), threads=16, timeout=60)
    assert got.status == 0, got.err
    assert got.out == f"{sum(range(16))} True\n"


def test_an_exchange_size_set_over_the_limit_is_a_clear_error(write):
    script = program(write, UNDER_LIMIT + "# omp parallel\npass\n# omp end parallel\n")
    got = run_omppy("run", str(script), threads=16, env={"OMPPY_EXCHANGE_MB": "256"})
    assert got.status == 1
    last = got.err.strip().splitlines()[-1]
    assert last.startswith("omppy.runtime.errors.ResourceLimit: OMPPY_EXCHANGE_MB=256 asks")
    assert "RLIMIT_AS" in last and "ulimit -v" in last
    assert "Errno" not in got.err


def test_overflowing_a_reduced_exchange_buffer_names_the_limit():
    code = textwrap.dedent(
        """
        import resource
        from omppy.runtime import limits
        from omppy.runtime.arena import Arena
        used = limits._address_space_used()
        resource.setrlimit(resource.RLIMIT_AS, (used + (1 << 30), resource.RLIM_INFINITY))
        arena = Arena(16)
        try:
            arena.put(1, 0, bytes(arena.slot_bytes))
        except Exception as error:
            print(type(error).__name__, error)
        arena.close()
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=30
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("ExchangeOverflow thread 1 has")
    assert "reduced from 256 MiB to fit 33 buffers under the address-space limit" in done.stdout


@pytest.mark.timeout(120)
def test_failed_regions_give_their_address_space_back(write):
    """A failed team's arena is never reused; it used to stay mapped (2.3 GiB for a
    team of 4) until the garbage collector got to the exception's traceback."""
    script = program(
        write,
        """
        start_vm, start_maps, peak = status("VmSize"), None, 0
        for k in range(60):
            try:
                # omp parallel
                if omp_get_thread_num() == 1:
                    raise ValueError(k)
                # omp end parallel
            except ValueError:
                pass
            peak = max(peak, status("VmSize"))
            if k == 10:
                start_maps = maps()
        print("peak growth MiB", (peak - start_vm) >> 10)
        print("maps growth", maps() - start_maps)
        """,
    )
    got = run_omppy("run", str(script), threads=2, timeout=110)
    assert got.status == 0, got.err
    growth = dict(line.rsplit(" ", 1) for line in got.out.splitlines())
    # One arena of a team of 4 reserves 2.3 GiB: not one may stay mapped.
    assert int(growth["peak growth MiB"]) < 1024, got.out
    assert int(growth["maps growth"]) < 40, got.out


# -- crashes in C ----------------------------------------------------------------------------


def test_a_segfault_in_a_worker_shows_its_python_stack(write):
    script = program(
        write,
        """
        import ctypes

        def read_null(i):
            return ctypes.string_at(0)  # a crash in C

        # omp parallel for schedule(static, 1)
        for i in range(4):
            if omp_get_thread_num() == 1:
                read_null(i)
        print("not reached")
        """,
    )
    got = run_omppy("run", str(script), threads=2, timeout=30)
    assert got.status == 1
    assert got.out == ""
    text = got.err[got.err.index("WorkerDied: ") :]
    lines = text.splitlines()
    assert lines[0].startswith("WorkerDied: thread 1 (pid ")
    assert "killed by signal 11 (SIGSEGV)" in lines[0]
    assert lines[1] == "Its Python stack when it crashed (most recent call first):"
    source = script.read_text().splitlines()
    crash_line = next(n for n, s in enumerate(source, 1) if "ctypes.string_at(0)" in s)
    call_line = next(n for n, s in enumerate(source, 1) if "read_null(i)" in s and "def" not in s)
    assert f'File "{script}", line {crash_line} in read_null' in text
    assert f'File "{script}", line {call_line} in ' in text
    assert "omppy/runtime" not in text  # omppy's frames, and the master's, are left out
    assert "click" not in text


def test_a_worker_killed_without_a_crash_has_no_stack(write):
    script = program(
        write,
        """
        # omp parallel
        if omp_get_thread_num() == 1:
            os.kill(os.getpid(), signal.SIGKILL)
        # omp end parallel
        """,
    )
    got = run_omppy("run", str(script), threads=2, timeout=30)
    assert got.status == 1
    last = got.err.strip().splitlines()[-1]
    assert "WorkerDied" in last and "SIGKILL" in last
    assert "Python stack" not in got.err


def test_sigterm_to_a_worker_is_reported(write):
    script = program(
        write,
        """
        # omp parallel
        if omp_get_thread_num() == 2:
            os.kill(os.getpid(), signal.SIGTERM)
        # omp barrier
        # omp end parallel
        """,
    )
    got = run_omppy("run", str(script), threads=3, timeout=30)
    assert got.status == 1
    last = got.err.strip().splitlines()[-1]
    assert "WorkerDied: thread 2 (pid " in last and "killed by signal 15 (SIGTERM)" in last


def test_sigterm_to_the_master_ends_the_whole_team(write):
    script = program(
        write,
        """
        # omp parallel
        print("pid", os.getpid(), flush=True)
        time.sleep(30)
        # omp end parallel
        """,
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OMP_", "OMPPY_"))}
    env.update(PYTHONPATH=str(ROOT), OMP_NUM_THREADS="3")
    process = subprocess.Popen(
        [sys.executable, "-m", "omppy", "run", str(script)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        pids = [int(process.stdout.readline().split()[1]) for _ in range(3)]
        os.kill(process.pid, signal.SIGTERM)
        process.wait(timeout=10)
    finally:
        process.kill()
        process.communicate()
    assert process.returncode == -signal.SIGTERM
    assert process.pid in pids
    deadline = time.monotonic() + 5
    while any(_running(pid) for pid in pids) and time.monotonic() < deadline:
        time.sleep(0.02)
    assert not [pid for pid in pids if _running(pid)]


def _running(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as handle:
            return handle.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def test_a_refused_fork_is_a_clear_error(write):
    """fork() failing with EAGAIN (RLIMIT_NPROC, which root is exempt from, so the
    refusal is simulated here) or ENOMEM."""
    script = program(
        write,
        """
        import errno
        real_fork, forks = os.fork, []

        def refusing_fork():
            if len(forks) == 2:
                raise BlockingIOError(errno.EAGAIN, "Resource temporarily unavailable")
            forks.append(1)
            return real_fork()

        os.fork = refusing_fork
        try:
            # omp parallel
            time.sleep(0.2)
            # omp end parallel
        except Exception as error:
            print(type(error).__name__, error)
        os.fork = real_fork
        try:
            os.waitpid(-1, os.WNOHANG)
            print("a worker was left")
        except ChildProcessError:
            print("no worker left")  # the two started were killed and reaped
        """,
    )
    got = run_omppy("run", str(script), threads=4, timeout=30)
    assert got.status == 0, got.err
    first, second = got.out.splitlines()
    assert first.startswith("ResourceLimit could not start thread 3 of a team of 4: fork()")
    assert "ulimit -u" in first and "OMP_NUM_THREADS" in first
    assert second == "no worker left"


# -- threads at fork time --------------------------------------------------------------------


def test_threads_running_at_a_region_give_one_clear_warning(write):
    script = program(
        write,
        """
        import threading, warnings
        stop = threading.Event()
        helper = threading.Thread(target=stop.wait, name="poller")
        helper.start()
        for k in range(3):
            total = 0
            # omp parallel for reduction(+:total)
            for i in range(100):
                total += i
            warnings.warn("the program's own warning")  # shown once, as by python
            print(total)
        stop.set()
        helper.join()
        """,
    )
    # 'default' shows each warning once per location, DeprecationWarnings included:
    # CPython 3.12+ warns about fork() in a multi-threaded process.
    got = run_omppy("run", str(script), threads=2, env={"PYTHONWARNINGS": "default"})
    assert got.status == 0, got.err
    assert got.out == "4950\n" * 3
    region_line = next(
        n for n, s in enumerate(script.read_text().splitlines(), 1) if "omp parallel" in s
    )
    warnings = [line for line in got.err.splitlines() if "Warning: " in line]
    assert len(warnings) == 2, got.err
    assert warnings[0].startswith(f"{script}:{region_line}: RuntimeWarning: omppy: this ")
    assert "1 other thread (poller)" in warnings[0] and "fork()" in warnings[0]
    assert warnings[1].endswith("UserWarning: the program's own warning")
    assert "DeprecationWarning" not in got.err


def test_no_warning_without_other_threads(write):
    script = program(
        write,
        """
        total = 0
        # omp parallel for reduction(+:total)
        for i in range(100):
            total += i
        print(total)
        """,
    )
    got = run_omppy("run", str(script), threads=2, env={"PYTHONWARNINGS": "always"})
    assert got.status == 0 and got.out == "4950\n" and got.err == ""


# -- native thread pools ---------------------------------------------------------------------


def test_blas_pools_have_one_thread_in_a_team_and_are_restored(write):
    pytest.importorskip("threadpoolctl")
    script = program(
        write,
        """
        import numpy as np
        from threadpoolctl import threadpool_info, threadpool_limits

        def blas_threads():
            return sorted({p["num_threads"] for p in threadpool_info() if p["user_api"] == "blas"})

        if not blas_threads():
            print("no BLAS")
            raise SystemExit(0)
        threadpool_limits(3)  # the program's own setting, above 1 on any machine
        seen = [None] * 3
        # omp parallel
        np.dot(np.ones((50, 50)), np.ones((50, 50)))
        seen[omp_get_thread_num()] = blas_threads()
        # omp end parallel
        print("in the team", seen)
        print("after", blas_threads())
        """,
    )
    got = run_omppy("run", str(script), threads=3, timeout=60)
    assert got.status == 0, got.err
    if got.out == "no BLAS\n":
        pytest.skip("numpy has no BLAS that threadpoolctl can see")
    assert got.out == "in the team [[1], [1], [1]]\nafter [3]\n"


def test_no_native_thread_starts_in_a_team_of_a_program_using_openblas(write):
    # OpenBLAS shuts its pool down at every fork and starts it again (a thread that
    # spins for work for ~0.1 s) at the next call that sets its size: the size set
    # after the fork, in the master and in each worker, put a spinning thread beside
    # every thread of every region (blas.py).  Set before the fork, nothing starts.
    pytest.importorskip("threadpoolctl")
    script = program(
        write,
        """
        import numpy as np
        from threadpoolctl import threadpool_info

        def openblas():
            return [p for p in threadpool_info() if p["internal_api"] == "openblas"]

        if not openblas() or openblas()[0]["num_threads"] < 2:
            print("no OpenBLAS pool")
            raise SystemExit(0)

        def tasks():
            return len(os.listdir("/proc/self/task"))

        seen = []
        for _ in range(2):
            np.ones((64, 64)) @ np.ones((64, 64))  # the program's pool is running
            counts = [None, None]
            # omp parallel num_threads(2)
            counts[omp_get_thread_num()] = tasks()
            # omp end parallel
            seen.append(counts)
        print(seen, sorted({p["num_threads"] for p in openblas()}) >= [2])
        """,
    )
    got = run_omppy("run", str(script), threads=2, timeout=60)
    assert got.status == 0, got.err
    if got.out == "no OpenBLAS pool\n":
        pytest.skip("numpy has no OpenBLAS pool of two threads here")
    assert got.out == "[[1, 1], [1, 1]] True\n"


def test_openblas_starts_no_thread_in_a_teams_processes(write):
    # Set after the fork, in each process, OpenBLAS's pool started a thread there (its
    # threads are stopped by fork), which spun for about 0.1 s on the team's cores:
    # [2, 2, 2].  Set in the master before the fork, the workers inherit it.
    pytest.importorskip("threadpoolctl")
    script = program(
        write,
        """
        import os

        import numpy as np
        from threadpoolctl import threadpool_info

        pools = [(p["internal_api"], p.get("threading_layer")) for p in threadpool_info()]
        if set(pools) != {("openblas", "pthreads")}:
            print("not OpenBLAS on pthreads")
            raise SystemExit(0)
        seen = [0] * 3
        # omp parallel
        np.dot(np.ones((50, 50)), np.ones((50, 50)))
        seen[omp_get_thread_num()] = len(os.listdir("/proc/self/task"))
        # omp end parallel
        print(seen)
        """,
    )
    got = run_omppy("run", str(script), threads=3, timeout=60)
    assert got.status == 0, got.err
    if got.out == "not OpenBLAS on pthreads\n":
        pytest.skip("numpy's BLAS is not OpenBLAS on pthreads")
    assert got.out == "[1, 1, 1]\n"


def test_threadpoolctl_is_not_imported_without_numpy(write):
    script = program(
        write,
        """
        total = 0
        # omp parallel for reduction(+:total)
        for i in range(100):
            total += i
        print(total, "threadpoolctl" in sys.modules, "numpy" in sys.modules)
        """,
    )
    got = run_omppy("run", str(script), threads=2)
    assert got.status == 0, got.err
    assert got.out == "4950 False False\n"


# -- leaks -----------------------------------------------------------------------------------


@pytest.mark.timeout(180)
def test_hundreds_of_regions_leak_nothing():
    """The suite's run of benchmarks/leaks.py: every way a region ends, in turn."""
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "leaks.py"), "--regions", "210", "--check"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=170,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "nothing grew past its tolerance" in done.stdout
    assert re.search(r"^\| 210 \| ", done.stdout, re.MULTILINE), done.stdout
