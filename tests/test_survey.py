"""The survey (``survey.py``): what it records about each construct and statement.

Its records (``model.ConstructInfo``, ``model.Survey``) are the rewrite's only input;
the data-sharing decision inside them is tested in test_sharing.py, the checks it
runs in test_translate_errors.py.
"""

from __future__ import annotations

from stages import decided, program, surveyed

SOURCE = program(
    """
    import numpy as np

    table = [0] * 8


    def helper(n):
        # omp for
        for i in range(n):
            table[i] = i
        # omp critical
        table[0] += 1


    def region(n, out):
        total = 0
        # omp parallel
        me = 1
        # omp for reduction(+:total)
        for i in range(n):
            out[i] = i
            total += i
        # omp critical
        best = me
        # omp barrier
        # omp end parallel
        return total
    """
)


def test_orphaned_and_region_constructs():
    loop = decided(SOURCE, "for", 0)
    assert not loop.in_region and loop.binds_thread  # ``_omp_t = _omp.thread()`` first
    critical = decided(SOURCE, "critical", 0)
    assert not critical.in_region and critical.binds_thread
    inner = decided(SOURCE, "for", 1)
    assert inner.in_region and not inner.binds_thread  # the region's ``_omp_t``
    assert not decided(SOURCE, "parallel").binds_thread


def test_constructs_in_a_region_know_its_shared_names_and_parameters():
    parallel = decided(SOURCE, "parallel")
    assert parallel.sharing is not None
    assert parallel.sharing.shared_out == ("total", "best")
    for directive in ("for", "critical", "barrier"):
        info = decided(SOURCE, directive, 0 if directive == "barrier" else 1)
        assert info.region_shared == ("total", "best")
        # The outlined body's parameters: bound wherever the construct runs.
        assert info.bound_names == {"n", "out", "total", "best"}
    assert decided(SOURCE, "critical", 1).sync_names == ("best",)


def test_a_name_the_region_deletes_is_not_bound_for_sure():
    source = program(
        """
        def f():
            seen = None
            # omp parallel
            # omp critical
            seen = 1
            # omp critical
            del seen
            # omp end parallel
        """
    )
    assert "seen" in decided(source, "parallel").usage.deleted
    assert decided(source, "critical", 0).bound_names == frozenset()


def test_shared_roots_and_module_globals():
    orphaned = decided(SOURCE, "for", 0)
    assert orphaned.shared_roots == {"table"}
    assert orphaned.global_roots == {"table"}  # found by name by the master
    assert decided(SOURCE, "for", 1).shared_roots == {"out"}
    assert decided(SOURCE, "for", 1).global_roots == frozenset()


def test_every_construct_around_one_is_recorded_across_functions():
    source = program(
        """
        def f(n):
            # omp parallel
            # omp single
            if n:
                def g():
                    # omp critical
                    x = 1
            # omp end parallel
        """
    )
    critical = decided(source, "critical")
    assert [c.directive for c in critical.around] == ["parallel", "single"]
    assert not critical.in_region  # in ``g``, its own function


def test_plans_lines_and_super_calls():
    source = program(
        """
        class Walker:
            def step(self, n):
                # omp parallel
                super().step(n)
        """
    )
    survey = surveyed(source)
    assert len(survey.plans) == 3  # the module, the class body, the method body
    # The first and last line of each statement (the text starts with a blank line).
    assert sorted(survey.lines.values())[:2] == [(2, 5), (3, 5)]
    # ``super()`` in the outlined body will need the method's class and first argument.
    assert list(survey.super_calls.values()) == ["self"]
    assert decided(source, "parallel").class_name == "Walker"


def test_a_block_does_not_publish_names_the_threads_own():
    """A reduction (or first/lastprivate, or loop) variable updated under critical or
    atomic is the thread's own copy: the block neither publishes it nor takes another
    thread's on entry (main before session 10: ``s += i`` under critical in a
    ``parallel for reduction(+:s)`` added the other threads' partial sums again)."""
    source = program(
        """
        def f(n, out):
            s = t = 0
            last = -1
            seen = []
            # omp parallel for reduction(+:s) lastprivate(last)
            for i in range(n):
                # omp critical
                if True:
                    s += i
                    last = i
                    seen.append(i)
            # omp parallel
            if True:
                # omp for reduction(+:t)
                for i in range(n):
                    # omp atomic
                    t += i
            # omp parallel firstprivate(n)
            # omp critical
            n += 1
            return s, t, last, seen
        """
    )
    assert decided(source, "critical", 0).sync_names == ("seen",)
    assert decided(source, "atomic", 0).sync_names == ()
    assert decided(source, "critical", 1).sync_names == ()


def test_a_block_storing_into_a_calls_result_compares_everything():
    """``type(self).hits += 1`` under atomic changes an object no loaded name leads to
    (session 11: ``touches=()``, so the change was not published and two threads'
    updates were refused as a data race); ``Probe.hits += 1`` names it."""
    source = program(
        """
        class Probe:
            hits = 0

            def check(self):
                # omp atomic
                type(self).hits += 1
                # omp atomic
                Probe.hits += 1
        """
    )
    assert decided(source, "atomic", 0).touches is None
    assert decided(source, "atomic", 1).touches == ("Probe",)
