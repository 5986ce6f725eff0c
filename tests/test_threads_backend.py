"""The threads backend (docs/backends.md): one process, one heap, OpenMP's semantics.

The corpus runs on it in test_differential.py; these tests cover what only threads
have (writes the fork backend loses, one process), how the backend is chosen, and
failures: exceptions, Ctrl-C, per-thread random streams, nesting and whole lines.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import threading
import time

import pytest
from helpers import GIL_NOTICE_START, ROOT, run_omppy, run_python, without_gil_notice

from omppy.runtime import backend
from omppy.runtime.errors import TeamAborted
from omppy.runtime.thread import ThreadContext
from omppy.runtime.threads import keyorder
from omppy.runtime.threads.context import ThreadedContext
from omppy.runtime.threads.team import ThreadTeam

THREADS = {"OMPPY_BACKEND": "threads"}


def run_threads(write, source: str, threads: int | None = 3, env=None, **kwargs):
    script = write("prog.py", textwrap.dedent(source).lstrip("\n"))
    got = run_omppy("run", str(script), threads=threads, env={**THREADS, **(env or {})}, **kwargs)
    got.err = without_gil_notice(got.err)
    return script, got


# -- one process, one heap ------------------------------------------------------------


def test_the_team_is_threads_of_one_process(write):
    _, got = run_threads(
        write,
        """
        import os, threading
        from omppy import omp_get_thread_num, omp_get_num_threads
        seen = []
        # omp parallel
        # omp critical
        seen.append((omp_get_thread_num(), omp_get_num_threads(), os.getpid(),
                     threading.get_ident()))
        # omp end critical
        # omp end parallel
        print(sorted(s[0] for s in seen), {s[1] for s in seen})
        print(len({s[2] for s in seen}), len({s[3] for s in seen}), seen[0][2] == os.getpid())
        """,
    )
    assert got.status == 0, got.err
    assert got.out == "[0, 1, 2] {3}\n1 3 True\n"


def test_writes_the_fork_backend_cannot_carry_back_land(write):
    # docs/data-sharing.md lists these as lost outside thread 0 on forked processes
    _, got = run_threads(
        write,
        """
        import numpy as np
        res = [0] * 12
        grid = [[0] * 3 for _ in range(12)]
        table = np.zeros(12, dtype=np.int64)
        count = 0

        def fill(i):
            res[i] = i * i          # a store in a called function
            table[i] = -i           # a global array written through its name

        def bump():
            global count
            # omp atomic
            count += 1              # a global rebound in a called function

        # omp parallel for schedule(dynamic)
        for i in range(12):
            fill(i)
            row = grid[i]
            row[1] = i              # a store through a private alias
            bump()
        print(res)
        print([r[1] for r in grid])
        print(table.tolist(), count)
        """,
    )
    assert got.status == 0, got.err
    squares = [i * i for i in range(12)]
    assert got.out == f"{squares}\n{list(range(12))}\n{[-i for i in range(12)]} 12\n"


def test_dynamic_guided_and_ordered_hand_out_every_iteration_once(write):
    _, got = run_threads(
        write,
        """
        hits = [0] * 500
        order = []
        # omp parallel
        # omp for schedule(dynamic, 3) nowait
        for i in range(500):
            hits[i] += 1
        # omp for schedule(guided, 2)
        for i in range(500):
            hits[i] += 1
        # omp for ordered schedule(dynamic, 7)
        for i in range(100):
            # omp ordered
            order.append(i)
        # omp end parallel
        print(set(hits), order == list(range(100)))
        """,
        threads=4,
    )
    assert got.status == 0, got.err
    assert got.out == "{2} True\n"


# -- choosing the backend ----------------------------------------------------------------


WHO = """
import os
from omppy import omp_get_thread_num
pids = [0, 0]
# omp parallel num_threads(2)
pids[omp_get_thread_num()] = os.getpid()
# omp end parallel
print("one process" if pids[0] == pids[1] else "processes")
"""


def test_backend_from_option_and_environment(write):
    script = write("who.py", WHO)
    by_option = run_omppy("run", "--backend", "threads", str(script))
    by_variable = run_omppy("run", str(script), env=THREADS)
    forks = run_omppy("run", "--backend", "fork", str(script), env=THREADS)
    assert by_option.out == by_variable.out == "one process\n", by_option.err
    assert forks.out == "processes\n", forks.err


@pytest.mark.skipif(not backend.gil_enabled(), reason="the GIL is off: threads are the default")
def test_fork_is_the_default_with_the_gil_and_threads_say_so_once(write):
    script = write("who.py", WHO + WHO.split("\n", 3)[3])  # two regions
    default = run_omppy("run", str(script))
    assert default.out == "processes\n" * 2 and default.err == ""
    threads = run_omppy("run", str(script), env=THREADS)
    assert threads.out == "one process\n" * 2
    assert threads.err.count(GIL_NOTICE_START) == 1
    assert len(threads.err.splitlines()) == 1


def test_unknown_backend_is_a_usage_error(write):
    script = write("who.py", WHO)
    got = run_omppy("run", str(script), env={"OMPPY_BACKEND": "greenlets"})
    assert got.status == 2
    assert "OMPPY_BACKEND='greenlets': expected one of fork, threads" in got.err
    got = run_omppy("run", "--backend", "greenlets", str(script))
    assert got.status == 2


# -- failures --------------------------------------------------------------------------------


def test_exception_reaches_master_as_itself_with_its_traceback(write):
    _script, got = run_threads(
        write,
        """
        import traceback
        def check(i):
            if i == 8:
                raise ValueError(f"bad value at {i}")
        try:
            # omp parallel for
            for i in range(9):
                check(i)
        except ValueError as error:
            print(type(error).__name__, error, error.args)
            text = "".join(traceback.format_exception(error))
            print(text.count("in check"), "omppy/runtime" in text)
        """,
    )
    assert got.status == 0, got.err
    assert got.out == "ValueError bad value at 8 ('bad value at 8',)\n1 True\n"


def test_uncaught_exception_exit_status_and_users_line(write):
    script, got = run_threads(
        write,
        """
        # omp parallel for schedule(static, 1)
        for i in range(4):
            if i == 3:
                raise LookupError("nothing at 3")
        print("not reached")
        """,
    )
    assert got.status == 1 and got.out == ""
    assert got.err.rstrip().endswith("LookupError: nothing at 3")
    assert f'File "{script}", line 4' in got.err
    assert "omppy/runtime" not in got.err


def test_several_failures_give_the_first_with_a_note_and_waiters_are_released(write):
    script, got = run_threads(
        write,
        """
        from omppy import omp_get_thread_num
        try:
            # omp parallel
            if omp_get_thread_num() > 0:
                raise ValueError(omp_get_thread_num())
            # omp end parallel
        except ValueError as error:
            print(repr(error))
            print(error.__notes__[0])
        def check(i):
            if i % 3 == 1:
                raise ValueError(f"bad {i}")
        try:  # python raises at i == 1: thread 0's block, that runs still
            # omp parallel for
            for i in range(9):
                check(i)
        except ValueError as error:
            print(repr(error))
        for who in (0, 1, 2):
            try:
                # omp parallel
                if omp_get_thread_num() == who:
                    raise KeyError(who)
                # omp barrier
                # omp end parallel
            except KeyError as error:
                print("caught", error)
        """,
    )
    assert got.status == 0, got.err
    assert got.out == (
        "ValueError(1)\n"
        "omppy: 1 more thread of the team failed in this region:\n"
        f'  thread 2: ValueError: 2 (File "{script}", line 5, in <module>)\n'
        "ValueError('bad 1')\n"
        "caught 0\ncaught 1\ncaught 2\n"
    )


def _prompt() -> float:
    """Seconds within which Ctrl-C must stop a team: 4, more on a machine busier than
    its CPUs (three spinning threads then wait their turn for the interpreter; issue
    13 saw the old fixed limits missed at load 15)."""
    busy = os.getloadavg()[0] / (os.cpu_count() or 1)
    return 4.0 * max(1.0, busy)


def _interrupted(write, body: str, threads: int = 3):
    script = write("spin.py", textwrap.dedent(body).lstrip("\n"))
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OMP_", "OMPPY_"))}
    env.update(PYTHONPATH=str(ROOT), OMP_NUM_THREADS=str(threads), OMPPY_BACKEND="threads")
    process = subprocess.Popen(
        [sys.executable, "-m", "omppy", "run", str(script)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        start_new_session=True,
    )
    try:
        started = 0
        while started < threads:
            line = process.stdout.readline()
            assert line, process.stderr.read()
            started += line.startswith("running")
        time.sleep(0.2)
        start = time.monotonic()
        os.killpg(process.pid, signal.SIGINT)
        out, err = process.communicate(timeout=min(45.0, max(10.0, 3 * _prompt())))
        return time.monotonic() - start, out, without_gil_notice(err), process.returncode
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.communicate()


@pytest.mark.parametrize("work", ["busy", "sleep"])
def test_ctrl_c_stops_the_team(write, work):
    wait = "while True: pass" if work == "busy" else "time.sleep(60)"
    took, _out, err, status = _interrupted(
        write,
        f"""
        import time
        # omp parallel
        print("running", flush=True)
        {wait}
        # omp end parallel
        """,
    )
    assert status == 130, err
    assert took < _prompt()
    assert err.rstrip().endswith("\nKeyboardInterrupt")
    assert err.count("KeyboardInterrupt") == 1
    assert "TeamAborted" not in err and "ExceptionGroup" not in err


def test_ctrl_c_can_be_caught_and_regions_run_on(write):
    _took, out, err, status = _interrupted(
        write,
        """
        from omppy import omp_get_num_threads
        try:
            # omp parallel
            print("running", flush=True)
            while True: pass
            # omp end parallel
        except KeyboardInterrupt:
            print("interrupted", flush=True)
        sizes = []
        # omp parallel
        # omp critical
        sizes.append(omp_get_num_threads())
        # omp end critical
        # omp end parallel
        print(sizes)
        """,
    )
    assert status == 0, err
    assert out.splitlines()[-2:] == ["interrupted", "[3, 3, 3]"]


# -- random streams, nesting, output -------------------------------------------------------

DRAWS = """
import random
import numpy as np
random.seed(5)
np.random.seed(5)
draws = [None] * 4
# omp parallel for schedule(static)
for i in range(4):
    draws[i] = (round(random.random(), 9), round(float(np.random.random()), 9))
print(draws)
print(round(random.random(), 9))
"""


def test_random_streams_are_per_thread_and_the_fork_backends(write):
    script = write("draws.py", DRAWS)
    first = run_omppy("run", str(script), threads=2, env=THREADS)
    second = run_omppy("run", str(script), threads=2, env=THREADS)
    forked = run_omppy("run", str(script), threads=2, env={"OMPPY_BACKEND": "fork"})
    assert first.status == 0, first.err
    assert first.out == second.out == forked.out
    draws = eval(first.out.splitlines()[0])
    assert len({d[0] for d in draws}) == 4 and len({d[1] for d in draws}) == 4


def test_nested_teams_and_the_thread_limit(write):
    _, got = run_threads(
        write,
        """
        from omppy import (omp_get_level, omp_get_active_level, omp_get_num_threads,
                           omp_get_ancestor_thread_num, omp_get_team_size)
        seen = []
        # omp parallel num_threads(2)
        outer = omp_get_ancestor_thread_num(1)
        # omp parallel num_threads(3)
        # omp critical
        seen.append((outer, omp_get_ancestor_thread_num(2), omp_get_level(),
                     omp_get_active_level(), omp_get_team_size(1), omp_get_num_threads()))
        # omp end critical
        # omp end parallel
        # omp end parallel
        print(sorted(seen))
        """,
        threads=None,
        env={"OMP_NESTED": "true", "OMP_THREAD_LIMIT": "4"},
    )
    assert got.status == 0, got.err
    # the limit of 4 threads leaves each of the 2 outer threads a team of 2
    expected = sorted((o, i, 2, 2, 2, 2) for o in range(2) for i in range(2))
    assert got.out == f"{expected}\n"


def test_a_worker_threads_omp_set_calls_are_its_own(write):
    _, got = run_threads(
        write,
        """
        from omppy import omp_get_thread_num, omp_set_num_threads, omp_get_max_threads
        seen = [0, 0]
        # omp parallel num_threads(2)
        if omp_get_thread_num() == 1:
            omp_set_num_threads(7)
        # omp barrier
        seen[omp_get_thread_num()] = omp_get_max_threads()
        # omp end parallel
        print(seen, omp_get_max_threads())
        omp_set_num_threads(2)
        print(omp_get_max_threads())
        """,
    )
    assert got.status == 0, got.err
    assert got.out == "[3, 7] 3\n2\n"


def test_threads_print_whole_lines(write):
    _, got = run_threads(
        write,
        """
        from omppy import omp_get_thread_num
        # omp parallel
        for k in range(300):
            print("thread", omp_get_thread_num(), "line", k, "end")
        # omp barrier
        print("tail", end="")
        # omp end parallel
        print()
        """,
    )
    assert got.status == 0, got.err
    lines = got.out.splitlines()
    body = [line for line in lines if not line.startswith("tail")]
    assert len(body) == 900
    assert all(line.startswith("thread ") and line.endswith(" end") for line in body)
    assert lines[-1] == "tail" * 3


@pytest.mark.skipif(not keyorder.available(), reason="no dict watchers before Python 3.12")
def test_new_dict_keys_come_in_iteration_order(write):
    # Keys added by a dynamic loop, by two nowait loops between one pair of barriers,
    # by a method and by a called function: python's order (threads/keyorder.py).
    script, got = run_threads(
        write,
        """
        import time
        table = {"old": -1}
        other = {}

        def note(i):
            other.setdefault(i * 3 % 90, i)  # (one key per iteration: no race)

        # omp parallel
        # omp for schedule(dynamic, 2) nowait
        for i in range(40):
            time.sleep(0.0002 * (i % 3))
            table[f"a{(i * 7) % 40}"] = i
        # omp for schedule(dynamic) nowait
        for i in range(30):
            time.sleep(0.0002 * (i % 2))
            table[f"b{(i * 11) % 30}"] = i
            note(i)
        # omp single
        del table["old"]  # a deletion from a watched dict: nothing to note
        # omp end single
        # omp end parallel
        print(list(table)[:6], list(table)[-3:], len(table))
        print(list(other)[:8])
        """,
        threads=4,
    )
    assert got.status == 0 and got.err == "", got.err
    assert got.out == run_python(script).out == (
        "['a0', 'a7', 'a14', 'a21', 'a28', 'a35'] ['b27', 'b8', 'b19'] 70\n"
        "[0, 3, 6, 9, 12, 15, 18, 21]\n"
    )


@pytest.mark.skipif(not keyorder.available(), reason="no dict watchers before Python 3.12")
def test_a_key_set_again_by_an_earlier_iteration_takes_its_place(write):
    # static,2 on 2 threads: chunks (0,1) and (4,5) on thread 0, (2,3) and (6,7) on
    # thread 1.  First loop: thread 1 is late, so thread 0 adds "gamma" at iteration
    # 4 before thread 1 sets it at 2.  Second loop: thread 0 is late, so thread 1 adds
    # "beta" then "alpha" (iterations 2, 3) before thread 0 sets them at 0 and 1.
    script, got = run_threads(
        write,
        """
        import time
        from omppy import omp_get_thread_num

        def count(words, late):
            counts = {}
            # omp parallel for schedule(static, 2)
            for i in range(len(words)):
                if omp_get_thread_num() == late and i in (0, 2):
                    time.sleep(0.3)
                # omp critical
                counts[words[i]] = counts.get(words[i], 0) + 1
                # omp end critical
            return counts

        print(count(["alpha", "beta", "gamma", "delta", "gamma", "eps", "zeta", "beta"], 1))
        print(count(["alpha", "beta", "beta", "alpha", "eps", "zeta", "eta", "theta"], 0))
        """,
        threads=2,
    )
    assert got.status == 0 and got.err == "", got.err
    assert got.out == run_python(script).out == (
        "{'alpha': 1, 'beta': 2, 'gamma': 2, 'delta': 1, 'eps': 1, 'zeta': 1}\n"
        "{'alpha': 2, 'beta': 2, 'eps': 1, 'zeta': 1, 'eta': 1, 'theta': 1}\n"
    )


@pytest.mark.skipif(not keyorder.available(), reason="no dict watchers before Python 3.12")
def test_keys_an_update_copies_into_an_empty_dict_take_their_place(write):
    # ``counts.update(local)`` on an empty Counter copies ``local`` whole (one CLONED
    # event, no ADDED per key): iteration 1 runs first, and iteration 0, which sets the
    # same keys again, must put them in its order (python's), as for single stores.
    script, got = run_threads(
        write,
        """
        import time
        from collections import Counter

        chunks = [["a", "b", "c", "d"], ["d", "c", "b", "a", "e"]]
        counts = Counter()
        # omp parallel for schedule(static, 1)
        for c in range(2):
            if c == 0:
                time.sleep(0.3)
            local = Counter(chunks[c])
            # omp critical
            counts.update(local)
        print(list(counts.items()), counts.most_common(2))
        """,
        threads=2,
    )
    assert got.status == 0 and got.err == "", got.err
    assert got.out == run_python(script).out == (
        "[('a', 2), ('b', 2), ('c', 2), ('d', 2), ('e', 1)] [('a', 2), ('b', 2)]\n"
    )


def test_blas_pools_have_one_thread_while_a_team_runs_and_are_restored(write):
    pytest.importorskip("threadpoolctl")
    _, got = run_threads(
        write,
        """
        import numpy as np
        from threadpoolctl import threadpool_info, threadpool_limits
        from omppy import omp_get_thread_num

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
        timeout=60,
    )
    assert got.status == 0, got.err
    if got.out == "no BLAS\n":
        pytest.skip("numpy has no BLAS that threadpoolctl can see")
    assert got.out == "in the team [[1], [1], [1]]\nafter [3]\n"


def test_the_commands_backend_choices_are_the_runtimes():
    from omppy.cli import BACKEND_CHOICES

    assert BACKEND_CHOICES == backend.BACKENDS


# -- the team's own machinery, in this process -----------------------------------------------


def _team_of(size: int) -> tuple[ThreadTeam, list[ThreadedContext]]:
    team = ThreadTeam(size, ThreadContext.initial())
    return team, [ThreadedContext(team, num) for num in range(size)]


def _run_each(contexts, work):
    results: list = [None] * len(contexts)

    def run(me):
        try:
            results[me.num] = work(me)
        except BaseException as exc:
            results[me.num] = exc

    threads = [threading.Thread(target=run, args=(me,)) for me in contexts]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    assert not any(thread.is_alive() for thread in threads)
    return results


def test_exchange_folds_once_and_every_thread_gets_the_result():
    _team, contexts = _team_of(4)
    folds = []

    def fold(payloads):
        folds.append(list(payloads))
        return sum(payloads)

    def work(me):
        return [me.exchange_folded(me.num * 10 + r, fold) for r in range(50)]

    results = _run_each(contexts, work)
    assert len(folds) == 50
    expected = [60 + 4 * r for r in range(50)]
    assert all(result == expected for result in results)


def test_abort_releases_threads_waiting_at_a_barrier():
    team, contexts = _team_of(3)

    def work(me):
        if me.num == 2:
            time.sleep(0.2)
            team.abort()
            return "aborted"
        me.barrier()
        return "passed"

    results = _run_each(contexts, work)
    assert results[2] == "aborted"
    assert all(isinstance(r, TeamAborted) for r in results[:2])


def test_a_parker_is_a_binary_permit():
    from omppy.runtime.threads.park import Parker

    parker = Parker()
    assert not parker.park(0.01)  # nothing came: the timeout passes
    parker.unpark()
    parker.unpark()  # a second permit is not kept
    assert parker.park(0.01)
    assert not parker.park(0.01)
    woken = []
    sleeper = threading.Thread(target=lambda: woken.append(parker.park(10)))
    sleeper.start()
    time.sleep(0.05)
    parker.unpark()
    sleeper.join(10)
    assert woken == [True]


def test_a_region_leaves_no_cycles_for_the_collector():
    # On a free-threaded CPython the cyclic collector scans the whole heap: a team
    # and its contexts referring to each other made it run every few hundred regions.
    import gc

    from omppy.runtime.region import Region, TeamRequest
    from omppy.runtime.threads.region import parallel

    def body(_omp_t):
        _omp_t.barrier()
        return {}

    def region():
        parallel(Region(body, {}, {}, {}, (), (), (), {}, None),
                 TeamRequest(2, True, (), None, None))

    region()
    gc.collect()
    gc.disable()
    try:
        before = len(gc.get_objects())
        for _ in range(20):
            region()
        found = gc.collect()
    finally:
        gc.enable()
    assert found < 20, (found, len(gc.get_objects()) - before)


def test_worker_threads_read_their_own_copies_of_shared_numbers():
    from omppy.runtime.threads.region import _own_numbers

    big, real, number, small, text = 10**30, -0.0, complex(1.5, float("nan")), 7, "s"
    arguments = {"big": big, "real": real, "number": number, "small": small, "text": text}
    _own_numbers(arguments)
    assert arguments["big"] == big and arguments["big"] is not big
    assert arguments["real"] is not real and str(arguments["real"]) == "-0.0"
    assert arguments["number"] is not number and repr(arguments["number"]) == repr(number)
    assert arguments["small"] is small and arguments["text"] is text


def test_threadprivate_globals_are_each_threads_own(write):
    # The module's code reads each thread's copy (private_names.py); a thread number
    # finds its values again in the next region, on whichever pooled thread it runs.
    _, got = run_threads(
        write,
        """
        import threading
        from omppy import omp_get_thread_num
        mine = -1
        where = None
        # omp threadprivate(mine, where)

        def remember():
            global mine, where
            mine = omp_get_thread_num() * 10
            where = threading.get_ident()

        kept = []
        for r in range(3):
            # omp parallel num_threads(4)
            if True:
                if r:
                    # omp critical
                    kept.append(mine == omp_get_thread_num() * 10)
                # omp barrier
                remember()
            # omp end parallel
        print(len(kept), all(kept), mine, where == threading.get_ident())
        """,
        threads=4,
    )
    assert got.status == 0, got.err
    assert got.out == "8 True 0 True\n"


def test_copyin_copies_the_masters_value_before_the_master_goes_on(write):
    # The master changes its own list at once: every worker still starts from the
    # value the master had when the region began, each with a copy of its own.
    _, got = run_threads(
        write,
        """
        from omppy import omp_get_thread_num
        scale = []
        # omp threadprivate(scale)

        def region():
            global scale
            scale = [3, 4]
            seen = []
            # omp parallel num_threads(4) copyin(scale)
            if True:
                scale.append(omp_get_thread_num())
                # omp critical
                seen.append(tuple(scale))
            # omp end parallel
            return sorted(seen), scale

        print(region())
        """,
        threads=4,
    )
    assert got.status == 0, got.err
    assert got.out == "([(3, 4, 0), (3, 4, 1), (3, 4, 2), (3, 4, 3)], [3, 4, 0])\n"


def test_threadprivate_in_an_older_translation_is_refused_on_threads(write):
    # Made before '_omp_private': its uses read the shared global, no thread's own.
    _, got = run_threads(
        write,
        """
        import omppy.runtime as _omp  # generated by omppy translate
        x = 1
        _omp.threadprivate(_omp.globals(), ('x',))
        """,
    )
    assert got.status == 1
    assert "'# omp threadprivate' in a translation made by an older omppy" in got.err


def test_threadprivate_set_up_for_one_backend_is_refused_on_the_other(write):
    # The module's copies live where the backend chosen when it started keeps them.
    _, got = run_threads(
        write,
        """
        import omppy
        x = 1
        # omp threadprivate(x)
        omppy.use_backend("fork")
        # omp parallel num_threads(2)
        print(x)
        """,
    )
    assert got.status == 1
    message = (
        "this program's threadprivate globals were set up for the threads backend when "
        "their module started, and this region runs on the fork backend; choose the "
        "backend before the module starts (OMPPY_BACKEND, or 'omppy run --backend')"
    )
    assert message in got.err, got.err
    assert "omppy/runtime" not in got.err.split("OmpError")[-1]


# -- tasks, cancellation, doacross ------------------------------------------------------


def test_tasks_run_on_several_threads_and_share_the_heap(write):
    _, got = run_threads(
        write,
        """
        import time
        from omppy import omp_get_thread_num
        ran = []
        out = [0] * 8
        # omp parallel
        # omp single
        if True:
            for i in range(8):
                # omp task
                if True:
                    time.sleep(0.05)
                    out[i] = i * i
                    # omp critical
                    ran.append(omp_get_thread_num())
                    # omp end critical
                # omp end task
            # omp taskwait
            print(out)
        # omp end parallel
        print(len(ran), len(set(ran)) > 1)
        """,
    )
    assert got.status == 0, got.err
    assert got.out == "[0, 1, 4, 9, 16, 25, 36, 49]\n8 True\n"


def test_tasks_a_team_started_before_the_module_with_tasks_runs_them_at_once(write):
    # uses_tasks() comes with the import of a translated module with task constructs;
    # a team already running then has barriers that do not wait for tasks: its
    # tasks run where they are created (still correct).
    write("helper.py", "def spawn(out):\n    # omp task\n    out.append(1)\n")
    _, got = run_threads(
        write,
        """
        out = []
        # omp parallel num_threads(2)
        # omp single
        if True:
            import helper
            helper.spawn(out)
        # omp end parallel
        print(out)
        """,
    )
    assert got.status == 0, got.err
    assert got.out == "[1]\n"


def test_ctrl_c_stops_a_team_running_tasks(write):
    took, _out, err, status = _interrupted(
        write,
        """
        # omp parallel
        # omp single
        for i in range(3):
            # omp task
            if True:
                print("running", flush=True)
                while True: pass
            # omp end task
        # omp end parallel
        """,
    )
    assert status == 130, err
    assert took < _prompt()
    assert err.rstrip().endswith("\nKeyboardInterrupt")


def test_cancel_for_stops_every_thread_and_the_region_goes_on(write):
    _, got = run_threads(
        write,
        """
        import time
        seen = []
        found = [None]
        # omp parallel
        if True:
            # omp for schedule(dynamic, 1)
            for i in range(1000):
                # omp critical
                seen.append(i)
                # omp end critical
                if i == 5:
                    found[0] = i
                    # omp cancel for
                time.sleep(0.001)
            # omp cancellation point parallel
        # omp end parallel
        print(found, len(seen) < 1000)
        """,
        threads=3,
    )
    assert got.status == 0, got.err
    assert got.out == "[5] True\n"


# -- a thread that never returns (hang.py) -----------------------------------------------


@pytest.mark.parametrize("who", [0, 1])
def test_a_thread_that_never_returns_stops_at_the_wait_limit(write, who):
    script, got = run_threads(
        write,
        f"""
        from omppy import omp_get_thread_num
        # omp parallel
        if True:
            if omp_get_thread_num() == {who}:
                while True: pass
            # omp barrier
        # omp end parallel
        """,
        threads=2,
        env={"OMPPY_WAIT_LIMIT": "1"},
        timeout=20,
    )
    assert got.status == 1, got.err
    assert "TeamDeadlock" in got.err, got.err
    assert f"thread {who} is still running at {script}:5" in got.err, got.err
    assert "OMPPY_WAIT_LIMIT=1" in got.err
    assert "omppy/runtime" not in got.err.split("TeamDeadlock")[-1]


def test_the_wait_limit_is_a_number_of_seconds(write):
    _, got = run_threads(
        write,
        """
        # omp parallel
        pass
        # omp end parallel
        """,
        env={"OMPPY_WAIT_LIMIT": "soon"},
    )
    assert got.status == 1
    assert "omppy: error: OMPPY_WAIT_LIMIT='soon': expected a number of seconds" in got.err


def test_a_worker_is_back_in_the_pool_before_its_team_ends(monkeypatch):
    # A worker used to rejoin the pool after telling its team it was done: a master
    # starting its next region at once found no idle worker and started a new thread
    # (about one region in 15,000 on 3.13t; every region here, where a worker is slow
    # after its report).
    from omppy.runtime.region import Region, TeamRequest
    from omppy.runtime.threads import pool
    from omppy.runtime.threads import region as threads_region

    one_done = threads_region._Join.one_done

    def slow_after_report(self):
        one_done(self)
        if threading.get_ident() in pool.idents:
            time.sleep(0.02)

    monkeypatch.setattr(threads_region._Join, "one_done", slow_after_report)

    def body(_omp_t):
        return {}

    def region():
        threads_region.parallel(
            Region(body, {}, {}, {}, (), (), (), {}, None), TeamRequest(2, True, (), None, None)
        )

    region()
    started = pool._started
    for _ in range(5):
        region()
    assert pool._started == started


@pytest.mark.skipif(backend.gil_enabled(), reason="cProfile is thread-safe with the GIL")
def test_cprofile_on_a_free_threaded_build_records_the_master_and_never_hangs(write):
    # cProfile's callbacks run in every thread (sys.monitoring) and its profiler is not
    # thread-safe without the GIL: two threads of a team recording at once hung the
    # program (about one run in six of this one) or crashed it.
    _, got = run_threads(
        write,
        """
        import cProfile, io, pstats, threading
        from omppy import omp_get_thread_num
        def part():
            return threading.get_ident()
        def work(n):
            s = 0
            # omp parallel for reduction(+:s)
            for i in range(n):
                s += i % 7
            return s
        def regions(k):
            for _ in range(k):
                # omp parallel
                part()
                # omp end parallel
        profile = cProfile.Profile()
        profile.enable()
        regions(300)
        total = sum(work(2000) for _ in range(100))
        profile.disable()
        calls = {f[2]: n for f, (n, *_) in pstats.Stats(profile).stats.items()}
        print(total, calls["part"], calls["work"])
        """,
        threads=2,
        timeout=120,
    )
    assert got.status == 0, got.err
    assert got.out == "599500 300 100\n"  # thread 0's calls of part() only


def test_an_sqlite_connection_of_the_master_used_by_a_thread_says_what_to_do(write):
    # (session 11: sqlite3's own ProgrammingError alone, no word from omppy)
    source = """
        import sqlite3
        db = sqlite3.connect(":memory:"{extra})
        db.execute("create table r (i int)")
        # omp parallel for
        for i in range(8):
            # omp critical
            db.execute("insert into r values (?)", (i,))
            # omp end critical
        print(db.execute("select count(*), sum(i) from r").fetchone())
        """
    _, got = run_threads(write, source.format(extra=""), threads=2)
    assert got.status == 1
    assert "sqlite3.ProgrammingError: SQLite objects created in a thread" in got.err
    assert (
        "omppy: thread 1 of the team used an sqlite3 connection (or cursor) that another "
        "thread made, which sqlite3 refuses; on the threads backend make it with "
        "sqlite3.connect(..., check_same_thread=False) and use it inside '# omp critical', "
        "or keep the rows in a list and write them after the region"
    ) in got.err
    _, got = run_threads(write, source.format(extra=", check_same_thread=False"), threads=2)
    assert (got.status, got.out) == (0, "(8, 28)\n"), got.err
