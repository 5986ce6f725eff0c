"""Where OpenMP's data environment differs from the sequential run.

After a construct the master's names keep the values they had before it, except
reductions, lastprivate and shared names (docs/data-sharing.md, "After the construct").
Plain Python disagrees (a loop variable leaks, a private temporary keeps its last
value), so a program that reads such a name after its construct is refused at
translate time (omppy/transform/after_reads.py): ``REFUSED`` holds OpenMP's own
examples of the difference, each with the read the error points at.  ``CASES`` are
the programs whose reads are carried (expected output written out here).
"""

from __future__ import annotations

import textwrap

import pytest
from helpers import run_omppy

# Every test runs programs end to end: not in the quick suite (pytest -m "not slow").
pytestmark = pytest.mark.slow

CASES = {
    "lastprivate carries the last iteration's value out": (
        """
        def main():
            t = None
            # omp parallel for lastprivate(t) schedule(dynamic, 3)
            for i in range(8):
                t = i * 2
            print(t)
        main()
        """,
        "14\n",
    ),
}

REFUSED = {
    "firstprivate and lastprivate on one name: a running value": (
        """
        y = 1
        # omp parallel num_threads(2)
        if True:
            # omp for firstprivate(y) lastprivate(y)
            for i in range(4):
                y = y + i
        print(y)
        """,
        # (the second thread's copy, 1 + 2 + 3, where python has 1 + 0 + 1 + 2 + 3)
        "prog.py:4:5: lastprivate(y): the loop reads 'y' before it binds it",
    ),
    "private names keep the master's values": (
        """
        def main():
            i, t = "before", "kept"
            # omp parallel for
            for i in range(8):
                t = i * 2
            print(i, t)
        main()
        """,
        "prog.py:6:11: 'i' is read after the parallel region at line 3",
    ),
    "firstprivate is a deep copy, also in thread 0": (
        """
        def main():
            rows = [[0], [0]]
            # omp parallel for firstprivate(rows)
            for i in range(4):
                rows[i % 2][0] += 1
                rows.append([i])
            print(rows)
        main()
        """,
        "prog.py:7:11: 'rows' is read after the parallel region at line 3, which changes "
        "each thread's own copy of it",
    ),
    "copyprivate names are private: the master keeps its value": (
        """
        def main():
            x = "master"
            got = []
            # omp parallel
            # omp single copyprivate(x)
            x = "broadcast"
            # omp critical
            got.append(x)
            # omp end parallel
            print(x, sorted(set(got)))
        main()
        """,
        "prog.py:10:11: 'x' is read after the parallel region at line 4",
    ),
    "firstprivate on an inner for restores the region's value": (
        """
        def main():
            x = 10
            seen = []
            # omp parallel
            # omp for firstprivate(x)
            for i in range(4):
                x += i
            # omp critical
            seen.append(x)
            # omp end parallel
            print(sorted(set(seen)))
        main()
        """,
        "prog.py:9:17: 'x' is read after the loop at line 5",
    ),
    "an explicit private clause wins over a binding in critical": (
        """
        def main():
            x = "master"
            # omp parallel private(x)
            if True:
                # omp critical
                x = "thread"
                # omp end critical
            print(x)
        main()
        """,
        "prog.py:8:11: 'x' is read after the parallel region at line 3",
    ),
    "a value set in single reaches threads whose firstprivate copy was dropped": (
        """
        def main():
            x = 10
            seen = []
            # omp parallel
            if True:
                # omp for firstprivate(x)
                for i in range(6):
                    x = x + 1
                # omp single
                x += 1000
                # omp end single
                u = x
                # omp critical
                seen.append(u)
                # omp end critical
            print(sorted(set(seen)))
        for _ in range(5):
            main()
        """,
        "prog.py:10:9: 'x' is read after the loop at line 6",
    ),
}


@pytest.mark.parametrize("case", list(CASES), ids=list(CASES))
@pytest.mark.parametrize("threads", [1, 3])
def test_openmp_semantics(write, case, threads):
    source, expected = CASES[case]
    script = write("prog.py", textwrap.dedent(source).lstrip())
    got = run_omppy("run", str(script), threads=threads)
    assert got.status == 0, got.err
    assert got.out == expected


@pytest.mark.parametrize("case", list(REFUSED), ids=list(REFUSED))
def test_a_read_that_would_show_the_difference_is_refused(write, case):
    source, first_words = REFUSED[case]
    script = write("prog.py", textwrap.dedent(source).lstrip())
    got = run_omppy("run", str(script), threads=2)
    assert got.status == 1 and got.out == ""
    assert got.err.startswith(f"{script.parent}/{first_words}"), got.err
