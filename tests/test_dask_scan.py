"""The dask backend's decisions that need no cluster (so they run on every Python):
which regions its scan of the bytecode refuses, at which line, and how schedules
become tasks (docs/cluster.md)."""

from __future__ import annotations

import textwrap
import types

import pytest

from omppy.runtime.dask import plan, scan
from omppy.transform.lines import compile_translation
from omppy.transform.translate import translate


def _bodies(source: str) -> list[types.CodeType]:
    """The outlined region bodies of ``source``, in order of their lines."""
    source = textwrap.dedent(source)
    code = compile_translation(translate(source, "prog.py"), "prog.py")
    found = []

    def walk(code: types.CodeType) -> None:
        for const in code.co_consts:
            if isinstance(const, types.CodeType):
                if "_omp_t" in const.co_varnames[:1]:
                    found.append(const)
                walk(const)

    walk(code)
    return sorted(found, key=lambda c: c.co_firstlineno)


def _shape(source: str) -> scan.Shape:
    (body,) = _bodies(source)
    return scan._scan(body)


def test_a_parallel_for_is_combined_and_accepted():
    shape = _shape("""
        out = [0] * 8
        total = 0
        # omp parallel for reduction(+:total) lastprivate(i) schedule(dynamic, 2)
        for i in range(8):
            out[i] = i
            total += i
    """)
    assert shape.combined and not shape.refused and shape.loop_line == 5


def test_a_region_whose_work_is_one_for_is_accepted():
    shape = _shape("""
        out = [0] * 8
        # omp parallel
        if True:
            base = 2
            # omp for reduction(+:base)
            for i in range(8):
                base += i
        # omp end parallel
    """)
    assert not shape.combined and not shape.refused


def test_code_after_the_for_barrier_is_refused_at_its_line():
    shape = _shape("""
        out = [0] * 8
        # omp parallel
        if True:
            # omp for
            for i in range(8):
                out[i] = i
            out[0] = sum(out)
        # omp end parallel
    """)
    assert shape.refused == [("for (followed by code that runs after its barrier)", 8)]


def test_code_after_a_nowait_for_is_accepted():
    shape = _shape("""
        out = [0] * 8
        # omp parallel
        if True:
            # omp for nowait
            for i in range(8):
                out[i] = i
            x = 1
        # omp end parallel
    """)
    assert not shape.refused


@pytest.mark.parametrize(
    ("pragma", "construct"),
    [
        ("critical", "critical"),
        ("critical(name)", "critical"),
        ("atomic", "atomic"),
        ("task", "task"),
    ],
)
def test_a_construct_in_the_loop_is_refused_at_its_line(pragma, construct):
    body = _bodies(f"""
        out = [0] * 8
        # omp parallel for
        for i in range(8):
            x = i
            # omp {pragma}
            out[i] += x
    """)[0]
    assert scan._scan(body).refused[0] == (construct, 6)


@pytest.mark.parametrize(
    ("pragma", "construct"), [("single", "single"), ("master", "master (or masked)")]
)
def test_a_construct_in_a_region_is_refused_at_its_line(pragma, construct):
    shape = _shape(f"""
        out = [0] * 8
        # omp parallel
        if True:
            # omp {pragma}
            out[0] = 1
        # omp end parallel
    """)
    assert shape.refused == [(construct, 5)]


def test_barrier_ordered_and_nested_regions_are_refused():
    assert _shape("""
        out = [0] * 2
        # omp parallel
        if True:
            out[0] = 1
            # omp barrier
        # omp end parallel
    """).refused == [("barrier", 6)]
    assert _shape("""
        out = [0] * 8
        # omp parallel for ordered
        for i in range(8):
            # omp ordered
            out[i] = i
    """).refused[0] == ("ordered", 5)
    outer = _bodies("""
        out = [0] * 8
        # omp parallel for
        for i in range(2):
            # omp parallel for
            for j in range(4):
                out[4 * i + j] = j
    """)[0]
    assert scan._scan(outer).refused[0] == ("parallel (nested)", 5)


def test_a_function_defined_in_the_region_is_scanned_too():
    shape = _shape("""
        out = [0] * 8
        # omp parallel
        if True:
            def bump(i):
                # omp critical
                out[i] += 1
            bump(0)
        # omp end parallel
    """)
    assert shape.refused == [("critical", 6)]


def test_two_loops_in_one_region_are_refused_at_the_second():
    shape = _shape("""
        out = [0] * 8
        # omp parallel
        if True:
            # omp for nowait
            for i in range(8):
                out[i] = i
            # omp for
            for i in range(8):
                out[i] += 1
        # omp end parallel
    """)
    assert shape.refused == [("for (a second work-sharing loop in one region)", 8)]


def test_static_blocks_are_one_task_per_thread():
    assert plan.loop_tasks(10, "static", None, 3) == [(0, [(0, 4)]), (1, [(4, 7)]), (2, [(7, 10)])]
    assert plan.loop_tasks(2, "static", None, 4) == [(0, [(0, 1)]), (1, [(1, 2)])]
    assert plan.loop_tasks(0, "static", None, 4) == []


def test_chunked_schedules_are_one_task_per_chunk_in_iteration_order():
    assert plan.loop_tasks(7, "dynamic", 3, 2) == [(0, [(0, 3)]), (1, [(3, 6)]), (0, [(6, 7)])]
    assert plan.loop_tasks(5, "static", 2, 2) == [(0, [(0, 2)]), (1, [(2, 4)]), (0, [(4, 5)])]
    guided = plan.chunks(20, "guided", 2, 2)
    assert guided == [(0, 10), (10, 15), (15, 18), (18, 20)]
    assert plan.loop_tasks(4, "dynamic", None, 2) == [(k % 2, [(k, k + 1)]) for k in range(4)]


def test_a_region_for_gives_each_thread_its_share():
    assert plan.thread_spans(10, "static", None, 3, 1) == [(4, 7)]
    assert plan.thread_spans(10, "dynamic", 2, 2, 1) == [(2, 4), (6, 8)]
    spans = [plan.thread_spans(20, "guided", 1, 3, t) for t in range(3)]
    covered = sorted(i for s in spans for a, b in s for i in range(a, b))
    assert covered == list(range(20))
