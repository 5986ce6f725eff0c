"""The runtime of the constructs of issue 14, in process where it can be (places and
policies, user-defined reductions, linear, scan on a team of one) and end to end where
it takes a team (cancellation stopping early, binding threads, the run-time errors)."""

from __future__ import annotations

import math
import os
import textwrap
from collections import Counter

import pytest
from helpers import run_omppy

from omppy.runtime import affinity, declared
from omppy.runtime.errors import OmpError
from omppy.runtime.icv import ConfigError
from omppy.runtime.linear import Linear
from omppy.runtime.reduction import combine, identity
from omppy.runtime.thread import ThreadContext

# -- places and binding policies -------------------------------------------------------

CPUS = frozenset(range(16))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("{0,1},{2,3}", [{0, 1}, {2, 3}]),
        ("{0:4},{4:4}", [{0, 1, 2, 3}, {4, 5, 6, 7}]),
        ("{0:4:2}", [{0, 2, 4, 6}]),
        ("{0:2}:4:2", [{0, 1}, {2, 3}, {4, 5}, {6, 7}]),
        ("{0:4,!2}", [{0, 1, 3}]),
        ("{14:4}", [{14, 15}]),  # kept to the CPUs the process may use
        ("threads(3)", [{0}, {1}, {2}]),
    ],
)
def test_places_are_parsed(text: str, expected: list[set[int]]) -> None:
    assert affinity.parse_places("OMP_PLACES", text, CPUS) == [frozenset(p) for p in expected]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("cores(0)", "OMP_PLACES='cores(0)': the number of places must be positive"),
        (
            "tiles",
            "OMP_PLACES='tiles': unknown place name 'tiles' (expected one of threads, cores, "
            "ll_caches, numa_domains, sockets, or places such as {0,1},{2,3})",
        ),
        ("{0:x}", "OMP_PLACES='{0:x}': expected number[:length[:stride]], found '0:x'"),
        ("{40,41}", "OMP_PLACES='{40,41}': none of these CPUs is available to this process"),
    ],
)
def test_bad_places_name_the_variable(text: str, message: str) -> None:
    with pytest.raises(ConfigError) as info:
        affinity.parse_places("OMP_PLACES", text, CPUS)
    assert str(info.value) == message


def test_proc_bind_lists_and_errors() -> None:
    assert affinity.parse_proc_bind("OMP_PROC_BIND", "spread,close") == ("spread", "close")
    with pytest.raises(ConfigError) as info:
        affinity.parse_proc_bind("OMP_PROC_BIND", "spred")
    assert str(info.value) == (
        "OMP_PROC_BIND='spred': unknown policy 'spred' (expected true, false, or a list of "
        "primary, master, close, spread)"
    )


@pytest.mark.parametrize(
    ("policy", "size", "count", "expected"),
    [
        ("close", 3, 8, [0, 1, 2]),
        ("spread", 4, 8, [0, 2, 4, 6]),
        ("spread", 3, 8, [0, 2, 5]),
        ("primary", 3, 8, [0, 0, 0]),
        ("close", 4, 2, [0, 0, 1, 1]),  # more threads than places: neighbours share
        ("spread", 4, 2, [0, 0, 1, 1]),
    ],
)
def test_threads_are_assigned_places(policy: str, size: int, count: int, expected: list[int]):
    assert affinity.assign(policy, size, count, 0) == expected


# -- user-defined reductions -------------------------------------------------------------


def test_declared_reduction_is_found_by_type_and_combines_in_order() -> None:
    declared.declare_reduction("join_test", (str,), lambda a, b: a + "|" + b, lambda o: "")
    assert identity("join_test", "x") == ""
    assert combine("join_test", "x", ["a", "b"]) == "x|a|b"
    with pytest.raises(OmpError) as info:
        identity("join_test", 3)
    assert (
        str(info.value)
        == "reduction(join_test: ...) on a int: 'join_test' is declared for str only"
    )


def test_a_combiner_that_returns_none_changed_omp_out_in_place() -> None:
    declared.declare_reduction("merge_test", (dict,), lambda a, b: a.update(b), None)
    total = {"a": 1}
    assert combine("merge_test", total, [{"b": 2}, {"c": 3}]) is total
    assert total == {"a": 1, "b": 2, "c": 3}
    assert identity("merge_test", Counter(x=1)) == Counter()


def test_a_function_reduction_without_a_neutral_start_is_refused() -> None:
    import operator

    product = declared.reduce_with(operator.mul, "operator.mul")
    with pytest.raises(OmpError) as info:
        identity(product, 6)
    assert str(info.value) == (
        "reduction(operator.mul: ...): a thread's copy of the variable would start from "
        "int() = 0, which is not a neutral value of this reduction: combined with the "
        "original 6 it gives 0. Give the reduction the value to start from: '# omp declare "
        "reduction(name : int : ...) initializer(...)'"
    )
    gcd = declared.reduce_with(math.gcd, "math.gcd")
    assert identity(gcd, 12) == 0 and combine(gcd, 12, [18, 30]) == 6


def test_a_function_reduction_on_a_numpy_array_starts_from_zeros_of_its_shape() -> None:
    import numpy as np

    add = declared.reduce_with(np.add, "np.add")
    original = np.ones((2, 3), dtype=np.int32)
    start = identity(add, original)
    assert start.shape == (2, 3) and start.dtype == np.int32 and not start.any()
    assert combine(add, original, [np.full((2, 3), 2), np.full((2, 3), 3)]).tolist() == [
        [6, 6, 6],
        [6, 6, 6],
    ]


def test_a_reduction_by_something_not_callable() -> None:
    with pytest.raises(OmpError) as info:
        declared.reduce_with(42, "answer")
    assert str(info.value) == (
        "reduction(answer: ...): 'answer' is 42, not a function of two arguments nor a name "
        "from '# omp declare reduction'"
    )


# -- linear -------------------------------------------------------------------------------


def test_linear_values_and_the_check_of_the_promise() -> None:
    linear = Linear(ThreadContext.initial(), {"j": (5, 3)})
    numbers = iter(linear.over([2, 3], ["a", "b", "c", "d"]))
    assert next(numbers) == "c" and linear.start(0) == 11
    assert next(numbers) == "d" and linear.start(14) == 14
    with pytest.raises(OmpError) as info:
        linear.finish(15)
    assert str(info.value) == (
        "linear(j: 3): iteration 3 of the loop left 'j' at 15, but the clause says the next "
        "iteration starts at 17: the loop must add 3 to 'j' once per iteration"
    )


# -- end to end ---------------------------------------------------------------------------


def program(tmp_path, text: str) -> str:
    path = tmp_path / "prog.py"
    path.write_text(textwrap.dedent(text).lstrip("\n"))
    return str(path)


@pytest.mark.slow
def test_a_cancelled_loop_stops_early(tmp_path) -> None:
    """Thread 1 cancels in its first iteration; thread 0, slowed down, stops after a few."""
    path = program(
        tmp_path,
        """
        import time
        from omppy import omp_get_thread_num
        done = 0
        # omp parallel for num_threads(2) reduction(+:done)
        for i in range(400):
            if omp_get_thread_num() == 0:
                time.sleep(0.002)
            else:
                # omp cancel for
                pass
            done += 1
        print(done < 100)
        """,
    )
    result = run_omppy("run", path, threads=2)
    assert (result.status, result.out, result.err) == (0, "True\n", "")


@pytest.mark.slow
def test_cancellation_off_runs_every_iteration(tmp_path) -> None:
    path = program(
        tmp_path,
        """
        from omppy import omp_get_cancellation
        done = 0
        # omp parallel for reduction(+:done)
        for i in range(100):
            # omp cancel for
            done += 1
        print(done, omp_get_cancellation())
        """,
    )
    result = run_omppy("run", path, threads=2, env={"OMP_CANCELLATION": "false"})
    assert (result.status, result.out, result.err) == (0, "100 False\n", "")


@pytest.mark.slow
@pytest.mark.skipif(
    not hasattr(os, "sched_setaffinity") or len(os.sched_getaffinity(0)) < 2,
    reason="binding needs sched_setaffinity and two CPUs",
)
def test_proc_bind_binds_each_thread_to_its_place(tmp_path) -> None:
    path = program(
        tmp_path,
        """
        import os
        from omppy import omp_get_place_num, omp_get_thread_num
        before = os.sched_getaffinity(0)
        seen = []
        # omp parallel num_threads(2) proc_bind(close)
        if True:
            # omp critical
            seen.append((omp_get_thread_num(), omp_get_place_num(), len(os.sched_getaffinity(0))))
        # omp end parallel
        print(sorted(seen), os.sched_getaffinity(0) == before)
        """,
    )
    result = run_omppy("run", path, threads=2, env={"OMP_PLACES": "threads"})
    assert (result.status, result.err) == (0, "")
    assert result.out == "[(0, 0, 1), (1, 1, 1)] True\n"


@pytest.mark.slow
def test_proc_bind_false_leaves_threads_unbound(tmp_path) -> None:
    path = program(
        tmp_path,
        """
        from omppy import omp_get_place_num, omp_get_proc_bind
        places = []
        # omp parallel num_threads(2) proc_bind(spread)
        if True:
            # omp critical
            places.append(omp_get_place_num())
        # omp end parallel
        print(places, omp_get_proc_bind())
        """,
    )
    result = run_omppy("run", path, threads=2, env={"OMP_PROC_BIND": "false"})
    assert (result.status, result.out, result.err) == (0, "[-1, -1] false\n", "")


RUNTIME_ERRORS = {
    "linear": (
        """
        k = 0
        # omp parallel for linear(k: 2)
        for i in range(6):
            k += 1
        """,
        "linear(k: 2): iteration",
    ),
    "error_fatal": (
        """
        n = -1
        if n < 0:
            # omp error at(execution) message(f"n is {n}")
            pass
        """,
        "omppy.runtime.errors.ErrorDirective: n is -1",
    ),
    "doacross_later_sink": (
        """
        # omp parallel for ordered(1)
        for i in range(6):
            # omp ordered depend(sink: i + 1)
            pass
        """,
        "names the iteration (1,), which does not come before the current one (0,)",
    ),
    "reduction_identity": (
        """
        import operator
        p = 1
        # omp parallel for reduction(operator.mul: p)
        for i in range(1, 5):
            p = operator.mul(p, i)
        """,
        "int() = 0, which is not a neutral value of this reduction",
    ),
}


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(RUNTIME_ERRORS))
def test_runtime_errors(tmp_path, name: str) -> None:
    text, expected = RUNTIME_ERRORS[name]
    result = run_omppy("run", program(tmp_path, text), threads=2)
    assert result.status == 1
    assert expected in result.err


@pytest.mark.slow
def test_error_at_execution_with_severity_warning_goes_on(tmp_path) -> None:
    path = program(
        tmp_path,
        """
        # omp error at(execution) severity(warning) message("slow path")
        print("went on")
        """,
    )
    result = run_omppy("run", path, threads=1)
    assert (result.status, result.out) == (0, "went on\n")
    assert "OmpWarning: slow path" in result.err


MASKED_PROGRAMS = {
    "parallel masked": """
        hits = []
        # omp parallel masked filter(1)
        hits.append("masked")
        print(hits)
        """,
    "masked in a region": """
        hits = []
        # omp parallel
        if True:
            # omp masked filter(1)
            hits.append("masked")
        print(hits)
        """,
    "masked outside any region": """
        hits = []
        # omp masked filter(1)
        hits.append("masked")
        print(hits)
        """,
}


@pytest.mark.parametrize("backend", ["fork", "threads"])
@pytest.mark.parametrize("form", list(MASKED_PROGRAMS))
def test_masked_filter_selecting_no_thread_is_an_error(tmp_path, backend: str, form: str):
    """``masked filter(1)`` in a team of one thread: OpenMP skips the block, python
    runs it.  A clear error at the construct, never a different answer with exit
    status 0; with two threads thread 1 runs it, as python does."""
    program = tmp_path / "prog.py"
    program.write_text(textwrap.dedent(MASKED_PROGRAMS[form]))
    env = {"OMPPY_BACKEND": backend}
    got = run_omppy("run", str(program), threads=1, env=env)
    assert got.status == 1 and got.out == ""
    assert "# omp masked filter(1)\n" in got.err or "# omp parallel masked filter(1)\n" in got.err
    assert got.err.rstrip().endswith(
        "OmpError: '# omp masked filter(1)' selects no thread of a team of 1 (its threads "
        "are numbered 0 to 0): OpenMP would skip the block, which python runs, so the "
        "results would differ. Choose a thread the team has, e.g. "
        "filter(min(k, omp_get_num_threads() - 1)), or run with more threads"
    )
    if form != "masked outside any region":  # (outside a region the team is one thread)
        got = run_omppy("run", str(program), threads=2, env=env)
        assert (got.status, got.out) == (0, "['masked']\n")
