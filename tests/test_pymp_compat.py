"""``omppy.pymp`` (docs/pymp.md): pymp-style programs, run with ``python``, against the
output they must print, for each feature of pymp's API, and for what pymp gets wrong:
exceptions, a killed worker, a flood of output."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from helpers import ROOT, Result, run_omppy, run_python

PRELUDE = "import os, sys, time\nimport omppy.pymp as pymp\n"


def program(write, body: str, name: str = "prog.py") -> Path:
    return write(name, PRELUDE + textwrap.dedent(body).lstrip("\n"))


def run(write, body: str, env: dict[str, str] | None = None, name: str = "prog.py") -> Result:
    return run_python(program(write, body, name), env=env)


def ok(result: Result) -> str:
    assert result.status == 0, result.err
    return result.out


# -- the region, its properties, its schedules ----------------------------------------------


def test_range_is_split_exactly_as_pymp_splits_it(write):
    out = ok(
        run(
            write,
            """
            cases = [(10, 3), (7, 4), (3, 4), (0, 2), (100, 7)]
            for n, threads in cases:
                got = pymp.shared.dict()
                with pymp.Parallel(threads) as p:
                    got[p.thread_num] = list(p.range(n))
                print(n, threads, [got[t] for t in range(threads)])
            with pymp.Parallel(3) as p:
                got[p.thread_num] = list(p.range(20, 2, -3))
            print([got[t] for t in range(3)])
            """,
        )
    )
    assert out.splitlines() == [
        "10 3 [[0, 1, 2, 3], [4, 5, 6], [7, 8, 9]]",
        "7 4 [[0, 1], [2, 3], [4, 5], [6]]",
        "3 4 [[0], [1], [2], []]",
        "0 2 [[], []]",
        "100 7 " + str([list(range(s, e)) for s, e in _blocks(100, 7)]),
        "[[20, 17], [14, 11], [8, 5]]",
    ]


def _blocks(n: int, threads: int) -> list[tuple[int, int]]:
    per, extra = divmod(n, threads)
    starts = [t * per + min(t, extra) for t in range(threads)]
    return [(s, s + per + (t < extra)) for t, s in enumerate(starts)]


def test_thread_num_num_threads_lock_and_single_use(write):
    out = ok(
        run(
            write,
            """
            seen = pymp.shared.list()
            total = pymp.shared.array((1,), dtype="int64")
            p = pymp.Parallel(3)
            for name in ("thread_num", "num_threads", "lock"):
                try:
                    getattr(p, name)
                except AssertionError as error:
                    print("before:", name, error)
            with p:
                seen.append((p.thread_num, p.num_threads, p._is_fork, len(p._pids)))
                for _ in p.range(300):
                    with p.lock:
                        total[0] += 1
            print(sorted(seen), total[0])
            try:
                p.range(3)
            except AssertionError as error:
                print("after:", error)
            try:
                with p:
                    pass
            except AssertionError as error:
                print("again:", error)
            with pymp.Parallel(4, if_=False) as q:
                print("if_=False:", q.num_threads, q.thread_num, list(q.range(3)))
            """,
        )
    )
    assert out.splitlines() == [
        "before: thread_num The parallel context of this object is not active!",
        "before: num_threads The parallel context of this object is not active!",
        "before: lock The parallel context of this object is not active!",
        "[(0, 3, False, 2), (1, 3, True, 0), (2, 3, True, 0)] 300",
        "after: The parallel context of this object is not active!",
        "again: A `Parallel` object may only be used once!",
        "if_=False: 1 0 [0, 1, 2]",
    ]


def test_xrange_hands_out_every_iteration_once_loop_after_loop(write):
    out = ok(
        run(
            write,
            """
            taken = pymp.shared.list()
            with pymp.Parallel(3) as p:
                for loop in range(40):
                    for i in p.xrange(loop, 2 * loop + 5, 2):
                        if i % 7 == 0:
                            time.sleep(0.001)  # uneven work
                        taken.append((loop, i))
            expected = [(k, i) for k in range(40) for i in range(k, 2 * k + 5, 2)]
            print(sorted(taken) == expected, len(taken))
            """,
        )
    )
    assert out.split() == ["True", str(sum(len(range(k, 2 * k + 5, 2)) for k in range(40)))]


def test_iterate_master_produces_the_others_consume(write):
    out = ok(
        run(
            write,
            """
            got = pymp.shared.list()
            with pymp.Parallel(3) as p:
                for loop in range(3):
                    for item in p.iterate(({"n": k} for k in range(loop * 10, loop * 10 + 25))):
                        got.append((loop, p.thread_num, item["n"]))
                    if p.thread_num == 2:  # leave a loop early: nobody may wait for it
                        for item in p.iterate(range(1000)):
                            break
                    else:
                        for item in p.iterate(range(1000)):
                            got.append((loop, p.thread_num, -1))
            per_loop = [sorted(n for l, _, n in got if l == loop and n >= 0) for loop in range(3)]
            print(per_loop == [list(range(k * 10, k * 10 + 25)) for k in range(3)])
            print(sorted({t for _, t, _ in got}))
            with pymp.Parallel(1) as p:
                print(list(p.iterate(iter("abc"))))
            """,
        )
    )
    per_loop, consumers, alone = out.splitlines()
    # The master only produces; which of the others gets the items depends on timing
    # (on a loaded machine one consumer may take them all).
    assert per_loop == "True" and consumers in ("[1, 2]", "[1]", "[2]"), out
    assert alone == "['a', 'b', 'c']"


def test_iterate_element_timeout_raises_queue_full(write):
    out = ok(
        run(
            write,
            """
            import queue
            try:
                with pymp.Parallel(2) as p:
                    for item in p.iterate(range(100), element_timeout=0.2):
                        time.sleep(0.5)
            except queue.Full as error:
                print("Full:", error)
            """,
        )
    )
    assert out.startswith("Full: p.iterate: no thread took an element within element_timeout")


def test_nested_regions_follow_config_nested_and_thread_limit(write):
    out = ok(
        run(
            write,
            """
            pymp.config.thread_limit = None
            pairs = pymp.shared.list()
            with pymp.Parallel(2) as outer:
                try:
                    with pymp.Parallel(2):
                        pass
                except AssertionError as error:
                    pairs.append(("refused", str(error)))
            print(sorted(pairs))
            pymp.config.nested = True
            pairs = pymp.shared.list()
            with pymp.Parallel(2) as outer:
                with pymp.Parallel(3) as inner:
                    pairs.append((outer.thread_num, inner.thread_num, pymp.Parallel._level))
            print(sorted(pairs))
            pymp.config.thread_limit = 3
            with pymp.Parallel(5) as p:
                sizes = p.num_threads
            print("limited to", sizes, pymp.shared._NUM_PROCS.value, pymp.Parallel._level)
            """,
        )
    )
    assert out.splitlines() == [
        str([("refused", "No nested parallel contexts allowed!")] * 2),
        str(sorted((o, i, 2) for o in range(2) for i in range(3))),
        "limited to 3 1 0",
    ]


def test_environment_pymp_wins_over_omp(write):
    body = """
        print(pymp.config.num_threads, pymp.config.nested, pymp.config.thread_limit)
        with pymp.Parallel() as p:
            n = p.num_threads
        print(n)
        """
    env = {"PYMP_NUM_THREADS": "3,2", "OMP_NUM_THREADS": "5", "OMP_NESTED": "true"}
    env["PYMP_THREAD_LIMIT"] = "7"
    assert ok(run(write, body, env)).splitlines() == ["[3, 2] True 7", "3"]
    bad = run(write, body, {"PYMP_NUM_THREADS": "two"})
    assert bad.status == 1
    assert "PYMP_NUM_THREADS='two': expected a positive integer" in bad.err


# -- shared objects ---------------------------------------------------------------------------


def test_shared_objects_lose_nothing_under_contention(write):
    out = ok(
        run(
            write,
            """
            items, table, q = pymp.shared.list(), pymp.shared.dict(), pymp.shared.queue()
            counts = pymp.shared.array((1,), dtype="int64")
            lock, rlock = pymp.shared.lock(), pymp.shared.rlock()
            with pymp.Parallel(4) as p:
                for i in p.xrange(4000):
                    items.append(i)
                    table[i] = p.thread_num
                    q.put(i)
                    with rlock:
                        with rlock:
                            counts[0] += 1
                    if i % 3 == 0:
                        with lock:
                            table["sum"] = table.get("sum", 0) + i
            print(sorted(items) == list(range(4000)), len(table), q.qsize(), counts[0])
            print(table["sum"] == sum(range(0, 4000, 3)))
            drained = sorted(q.get() for _ in range(4000))
            print(drained == list(range(4000)), q.empty())
            """,
        )
    )
    assert out.splitlines() == ["True 4001 4000 4000", "True", "True True"]


def test_shared_reads_are_copies_and_objects_work_without_main_guard(write):
    # No `if __name__ == "__main__":` anywhere: pymp's manager needs one, this does not.
    out = ok(
        run(
            write,
            """
            rows = pymp.shared.list([[1], [2]])
            config = pymp.shared.dict(a=[1])
            with pymp.Parallel(2) as p:
                rows[0].append(99)  # a copy: changes nothing shared
                config["a"].append(99)
                if p.thread_num == 1:
                    rows[1] = rows[1] + [3]
                    config["b"] = {"from": p.thread_num}
            print(rows, config)
            """,
        )
    )
    assert out.strip() == "[[1], [2, 3]] {'a': [1], 'b': {'from': 1}}"


def test_each_region_has_a_free_lock_of_its_own(write):
    """p.lock's mutex is pooled with the team's control block: a region still gets a
    free lock when the previous team's worker exited holding it, and a p.lock the
    master kept after its region is never the next region's."""
    out = ok(
        run(
            write,
            """
            got = []
            for r in range(3):
                with pymp.Parallel(2) as p:
                    if p.thread_num == 1:
                        if not p.lock.acquire(timeout=5):
                            os._exit(9)  # the lock a dead worker held: not renewed
                        # exits holding it
            with pymp.Parallel(2) as p:
                if p.thread_num == 0:
                    kept = p.lock
                    kept.acquire()
            with pymp.Parallel(2) as p:
                got.append(p.lock.acquire(timeout=5))  # not the kept one: free
                p.lock.release()
            kept.release()
            print(got)
            """,
        )
    )
    assert out.strip() == "[True]"


def test_shared_queue_blocking_get_waits_for_a_producer(write):
    out = ok(
        run(
            write,
            """
            q = pymp.shared.queue(maxsize=2)
            got = pymp.shared.list()
            with pymp.Parallel(3) as p:
                if p.thread_num == 0:
                    for i in range(50):
                        q.put(i)  # blocks while the queue holds 2
                    for _ in range(2):
                        q.put(None)
                else:
                    while (item := q.get()) is not None:
                        got.append(item)
            print(sorted(got) == list(range(50)))
            """,
        )
    )
    assert out.strip() == "True"


# -- failures --------------------------------------------------------------------------------


def test_worker_exception_arrives_as_itself_with_its_traceback(write):
    script = program(
        write,
        """
        class Pair(Exception):
            def __init__(self, a, b):
                super().__init__(f"{a} and {b}")
                self.a, self.b = a, b

        try:
            with pymp.Parallel(2) as p:
                if p.thread_num == 1:
                    raise ValueError("bad", 7)
        except ValueError as error:
            print(type(error).__name__, error.args)
            print("traceback:", str(error.__cause__).splitlines()[-2].strip())
        try:
            with pymp.Parallel(2) as p:
                if p.thread_num == 1:
                    raise Pair(1, 2)
        except Pair as error:
            print(type(error).__name__, error.a, error.b, str(error))
        with pymp.Parallel(2) as p:
            if p.thread_num == 1:
                raise KeyError("missing")
        """,
    )
    result = run_python(script)
    assert result.status == 1
    assert result.out.splitlines() == [
        "ValueError ('bad', 7)",
        'traceback: raise ValueError("bad", 7)',
        "Pair 1 2 1 and 2",
    ]
    line = script.read_text().splitlines().index('        raise KeyError("missing")') + 1
    assert f'prog.py", line {line}, in <module>' in result.err  # the worker's own line
    assert result.err.rstrip().endswith("(raised in thread 1 of a team of 2)")
    assert "KeyError: 'missing'" in result.err


def test_several_failures_raise_the_first_with_the_rest_as_notes(write):
    out = ok(
        run(
            write,
            """
            try:
                with pymp.Parallel(3) as p:
                    if p.thread_num == 2:
                        raise ValueError("first")
                    time.sleep(0.3)
                    raise TypeError(f"later {p.thread_num}")
            except ValueError as error:
                print("caught", error)
                notes = error.__notes__
                print(notes[0])
                print(sorted(n.splitlines()[0] for n in notes[1:]))
                print(sorted(n.splitlines()[-1].strip() for n in notes[1:]))
            """,
        )
    )
    assert out.splitlines() == [
        "caught first",
        "(raised in thread 2 of a team of 3)",
        "['thread 0 also failed:', 'thread 1 also failed:']",
        "['TypeError: later 0', 'TypeError: later 1']",
    ]


def test_failure_in_a_nested_team_names_both_threads(write):
    out = ok(
        run(
            write,
            """
            pymp.config.nested = True
            try:
                with pymp.Parallel(2) as outer:
                    with pymp.Parallel(3) as inner:
                        if outer.thread_num == 1 and inner.thread_num == 2:
                            raise LookupError("deep")
            except LookupError as error:
                print(repr(error), error.__notes__)
            print(pymp.shared._NUM_PROCS.value, pymp.Parallel._level)
            """,
        )
    )
    assert out.splitlines() == [
        "LookupError('deep') ['(raised in thread 2 of a team of 3, inside thread 1 of a "
        "team of 2)']",
        "1 0",
    ]


@pytest.mark.parametrize("signal_name", ["SIGKILL", "SIGSEGV"])
def test_killed_worker_is_an_error_naming_thread_and_signal(write, signal_name):
    started = time.monotonic()
    out = ok(
        run(
            write,
            f"""
            import signal
            items = pymp.shared.list()
            waiting = pymp.shared.queue()
            try:
                with pymp.Parallel(3) as p:
                    if p.thread_num == 1:
                        with items._mutex:  # dies holding the list's lock
                            os.kill(os.getpid(), signal.{signal_name})
                    elif p.thread_num == 2:
                        waiting.get()  # for an item nobody will put
                    else:
                        time.sleep(0.2)
                        items.append("master")
            except Exception as error:
                print(type(error).__name__, error.thread_num, error.how.split(";")[0])
            items.append("after")
            print(list(items))
            """,
        )
    )
    signal_number = {"SIGKILL": 9, "SIGSEGV": 11}[signal_name]
    assert out.splitlines() == [
        f"WorkerDied 1 killed by signal {signal_number} ({signal_name})",
        "['master', 'after']",
    ]
    assert time.monotonic() - started < 20


def test_no_process_outlives_a_failed_region(write):
    out = ok(
        run(
            write,
            """
            import signal
            pids = pymp.shared.list()
            try:
                with pymp.Parallel(4) as p:
                    pids.append(os.getpid())
                    if p.thread_num == 3:
                        os.kill(os.getpid(), signal.SIGKILL)
                    if p.thread_num == 2:
                        raise RuntimeError("boom")
            except Exception as error:
                print(type(error).__name__)
            def alive(pid):
                try:
                    with open(f"/proc/{pid}/stat") as handle:
                        return handle.read().rsplit(")", 1)[1].split()[0] != "Z"
                except OSError:
                    return False
            print([alive(pid) for pid in sorted(pids) if pid != os.getpid()])
            """,
        )
    )
    assert out.splitlines() == ["RuntimeError", "[False, False, False]"]


# -- output --------------------------------------------------------------------------------


def test_print_flood_to_a_file_arrives_whole(write, tmp_path):
    script = program(
        write,
        """
        with pymp.Parallel(4) as p:
            for i in p.range(1000):
                if i % 2:
                    print(f"line {i:04d} thread {p.thread_num}", "x" * 500)
                else:
                    p.print(f"line {i:04d} thread {p.thread_num}", "y" * 500)
        print("end")
        """,
    )
    target = tmp_path / "out.txt"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OMP_", "PYMP_"))}
    env["PYTHONPATH"] = str(ROOT)
    with open(target, "wb") as handle:
        command = [sys.executable, str(script)]
        subprocess.run(command, stdout=handle, env=env, timeout=60, check=True)
    lines = target.read_text().splitlines()
    assert lines[-1] == "end"
    body = sorted(lines[:-1])
    assert len(body) == 1000
    for i, line in enumerate(body):
        prefix, _, tail = line.rpartition(" ")
        assert prefix.startswith(f"line {i:04d} thread ")
        assert tail == ("x" if i % 2 else "y") * 500


# -- where pymp's manager cannot go ----------------------------------------------------------


PDB_PROGRAM = """
items = pymp.shared.list()
with pymp.Parallel(2) as p:
    for i in p.range(6):
        items.append(i * i)
print("squares", sorted(items))
"""


def test_runs_under_pdb(write):
    script = program(write, PDB_PROGRAM)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OMP_", "PYMP_"))}
    env["PYTHONPATH"] = str(ROOT)
    done = subprocess.run(
        [sys.executable, "-m", "pdb", str(script)],
        input="continue\nquit\n",
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert "squares [0, 1, 4, 9, 16, 25]" in done.stdout, done.stdout + done.stderr


def test_inside_an_omp_region_and_with_omppy_run(write):
    script = program(
        write,
        """
        from omppy import omp_get_thread_num
        results = pymp.shared.dict()
        # omp parallel num_threads(2)
        if True:
            outer = omp_get_thread_num()
            with pymp.Parallel(2) as p:
                for i in p.xrange(3):
                    results[(outer, i)] = p.thread_num in (0, 1)
        print(sorted(results.items()))
        """,
    )
    sequential = run_python(script)
    parallel = run_omppy("run", str(script), threads=2)
    assert sequential.status == 0 and parallel.status == 0, sequential.err + parallel.err
    assert sequential.out.strip() == str([((0, i), True) for i in range(3)])
    assert parallel.out.strip() == str([((t, i), True) for t in range(2) for i in range(3)])


def test_workers_draw_different_random_numbers_reproducibly(write):
    body = """
        import random
        import numpy as np
        random.seed(5)
        np.random.seed(5)
        draws = pymp.shared.dict()
        with pymp.Parallel(3) as p:
            draws[p.thread_num] = (random.random(), float(np.random.random()))
        print(len({v for v in draws.values()}), sorted(draws.items()))
        """
    first, second = ok(run(write, body)), ok(run(write, body))
    assert first.split()[0] == "3"
    assert first == second
