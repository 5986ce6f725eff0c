"""A name a construct keeps to each thread, read after the construct, is a
translate-time error (omppy/transform/after_reads.py, docs/data-sharing.md): under
python it holds the construct's value, under omppy the master's old one (a region)
or the last iteration each thread ran (a worksharing loop).  Exact messages, and
the patterns that must stay accepted (tests/corpus/reads_after_region.py runs them
at several team sizes)."""

from __future__ import annotations

import textwrap

import pytest

from omppy.transform.diagnostics import PragmaError
from omppy.transform.translate import translate


def src(text: str) -> str:
    return textwrap.dedent(text).lstrip("\n")


def error_of(source: str) -> str:
    with pytest.raises(PragmaError) as info:
        translate(source, "t.py")
    return str(info.value)


REGION_HINT = (
    "  hint: bind '{0}' in '# omp single' (every thread, and the code after the region, "
    "then see that value), make it a 'reduction', or use it only inside the region"
)
LOOP_HINT = (
    "  hint: add 'lastprivate({0})' to the '# omp {1}' pragma (the last iteration's value, "
    "as python has it; 'lastprivate(conditional: {0})' if not every iteration binds it), "
    "or use '{0}' only inside the loop"
)


def test_a_name_a_region_binds_read_after_it():
    source = src(
        """
        x = 0
        # omp parallel
        x = 7
        print(x)
        """
    )
    assert error_of(source) == (
        "t.py:4:7: 'x' is read after the parallel region at line 2, which binds it (line 3) "
        "for each thread: here it holds its value from before the region, where python's "
        "run holds the region's value\n"
        "    print(x)\n"
        "          ^\n" + REGION_HINT.format("x")
    )


def test_the_loop_variable_of_a_parallel_for_returned_after_it():
    source = src(
        """
        def f(n):
            t = -1
            # omp parallel for
            for i in range(n):
                t = i * 2
            return i, t
        """
    )
    assert error_of(source) == (
        "t.py:6:12: 'i' is read after the parallel region at line 3, which binds it "
        "(line 4) for each thread: here it holds its value from before the region, where "
        "python's run holds the region's value\n"
        "        return i, t\n"
        "               ^\n"
        "  hint: add 'lastprivate(i)' to the '# omp parallel for' pragma (the last "
        "iteration's value, as python has it), or use 'i' only inside the loop"
    )


def test_a_temporary_of_a_worksharing_loop_read_by_the_master():
    source = src(
        """
        out = []
        # omp parallel
        if True:
            # omp for
            for i in range(8):
                t = i * 3
            # omp master
            out.append(t)
        """
    )
    assert error_of(source) == (
        "t.py:8:16: 't' is read after the loop at line 4, which binds it (line 6) for each "
        "thread: here it holds the value of the last iteration that thread ran, where "
        "python's run holds the last iteration's value\n"
        "        out.append(t)\n"
        "                   ^\n" + LOOP_HINT.format("t", "for")
    )


def test_a_function_of_the_module_reading_a_global_the_region_binds():
    source = src(
        """
        g = 0
        def helper():
            return g * 2
        out = [0] * 4
        # omp parallel for
        for i in range(4):
            g = i
            out[i] = helper()
        """
    )
    assert error_of(source) == (
        "t.py:3:12: function 'helper' reads 'g', which the parallel region at line 5 binds "
        "(line 7) for each thread: the function sees its value from before the region, "
        "where python's run sees the region's value\n"
        "        return g * 2\n"
        "               ^\n"
        "  hint: pass the value to the function as an argument, or give the parallel "
        "region's 'g' another name"
    )


def test_a_running_partial_read_in_single():
    source = src(
        """
        def f(n):
            total = 0
            # omp parallel reduction(+:total)
            part = 0
            # omp for
            for i in range(n):
                part += i
            # omp single
            print(part)
            total += part
            # omp end parallel
            return total
        """
    )
    assert error_of(source) == (
        "t.py:9:11: 'part' is read by one thread after the loop at line 5, which "
        "accumulates it in each thread (line 7): here it holds that thread's part, where "
        "python's run holds the whole loop's\n"
        "        print(part)\n"
        "              ^\n"
        "  hint: combine the parts first: make 'part' a 'reduction' of the loop, or add "
        "each thread's part to a shared total under '# omp critical' and read that"
    )


@pytest.mark.parametrize(
    ("after", "line", "col"),
    [
        # the next time round a loop around the region
        ("for step in range(3):\n    print(x)\n    REGION", 4, 15),
        # a closure of the function, wherever it is defined
        ("def show():\n    return x\nREGION\nshow()", 4, 16),
        # one branch rebinds it, the other does not
        ("REGION\nif len(out) > 2:\n    x = 1\nprint(x)", 8, 11),
        # a finally after the region in a try
        ("try:\n    REGION\nfinally:\n    print(x)", 8, 15),
        # an update reads it; so does ``del``
        ("REGION\nx += 1", 6, 5),
        ("REGION\ndel x", 6, 9),
        # a comprehension reading it
        ("REGION\nprint([x + k for k in range(3)])", 6, 12),
        # after a loop that may run no time (``m == 0``: python still has the region's)
        ("REGION\nfor x in range(len(out) - 2):\n    pass\nprint(x)", 8, 11),
        ("REGION\nfor x in ():\n    pass\nprint(x)", 8, 11),
    ],
)
def test_reads_on_every_path_are_found(after, line, col):
    region = "# omp parallel\nx = len(out)\n# omp end parallel"
    body = after.replace("REGION", region.replace("\n", "\n" + " " * _indent(after)))
    source = "def f(out):\n    x = 0\n" + textwrap.indent(body, "    ") + "\n"
    message = error_of(source)
    assert message.startswith(f"t.py:{line}:{col}: "), (message, source)
    assert "'x'" in message


def _indent(text: str) -> int:
    """The indent of the line holding REGION."""
    for row in text.splitlines():
        if "REGION" in row:
            return len(row) - len(row.lstrip())
    return 0


@pytest.mark.parametrize(
    "after",
    [
        "x = 1\nprint(x)",  # rebound first
        "if out:\n    x = 1\nelse:\n    x = 2\nprint(x)",  # rebound on both paths
        "print([x for x in range(3)])",  # a comprehension's own x
        "for x in range(3):\n    print(x)\nprint(x)",  # a loop's target (runs surely)
        "for x in (1, 2):\n    pass\nprint(x)",
        "for x in range(0, 25, 4):\n    pass\nprint(x)",
        # a nest's inner loop, empty for some outer items only (a collapse's lastprivate)
        "for k in range(4):\n    for x in range(k):\n        pass\nprint(x)",
        "print(f(x=1))",  # a keyword is no read
        "print(out.x if hasattr(out, 'x') else 0)",  # an attribute is no read
        "with open(__file__) as x:\n    print(len(x.read()) > 0)",  # bound by with
        "import math as x\nprint(x.pi)",
        "def g(x):\n    return x\nprint(g(2))",  # a parameter of its own
    ],
)
def test_what_rebinds_or_shadows_the_name_is_no_read(after):
    source = (
        "def f(out=(), **_):\n    x = 0\n    # omp parallel\n    x = len(out)\n"
        "    # omp end parallel\n" + textwrap.indent(after, "    ") + "\n"
    )
    translate(source, "t.py")


def test_a_carried_name_is_no_read():
    source = src(
        """
        def f(n):
            last, total = None, 0
            # omp parallel for lastprivate(last) reduction(+:total)
            for i in range(n):
                last = i
                total = total + i
            # omp parallel
            # omp single
            first = n
            # omp end parallel
            return last, total, first
        """
    )
    translate(source, "t.py")


def test_a_name_sections_bind_read_after_them():
    source = src(
        """
        out = []
        # omp parallel
        # omp sections
        # omp section
        a = 1
        # omp section
        a = 2
        # omp end sections
        # omp master
        out.append(a)
        # omp end parallel
        """
    )
    assert error_of(source) == (
        "t.py:10:12: 'a' is read after the sections construct at line 3, which binds it "
        "(line 5) for each thread: here it holds the value of the last section that thread "
        "ran, where python's run holds the last section's value\n"
        "    out.append(a)\n"
        "               ^\n"
        "  hint: add 'lastprivate(a)' to the '# omp sections' pragma (the last section's "
        "value, as python has it; 'lastprivate(conditional: a)' if not every section binds "
        "it), or use 'a' only inside the section"
    )


def test_a_name_a_task_keeps_private_read_after_the_wait():
    source = src(
        """
        def f():
            x = 1
            # omp task private(x)
            x = 5
            # omp taskwait
            return x
        """
    )
    assert error_of(source) == (
        "t.py:6:12: 'x' is read after the task at line 3, which binds it (line 4) for "
        "itself: here it holds its value from before the task, where python's run holds "
        "the task's value\n"
        "        return x\n"
        "               ^\n"
        "  hint: add 'shared(x)' to the task (its value comes back at '# omp taskwait' or "
        "the end of its taskgroup), or use 'x' only inside the task"
    )


def test_a_shared_name_of_a_task_is_no_read():
    source = src(
        """
        def fib(n):
            if n < 2:
                return n
            # omp task shared(a) firstprivate(n)
            a = fib(n - 1)
            # omp task shared(b)
            b = fib(n - 2)
            # omp taskwait
            return a + b
        """
    )
    translate(source, "t.py")


def test_lastprivate_of_a_running_value():
    source = src(
        """
        y = 1
        # omp parallel num_threads(2)
        if True:
            # omp for firstprivate(y) lastprivate(y)
            for i in range(4):
                y = y + i
        print(y)
        """
    )
    assert error_of(source) == (
        "t.py:4:5: lastprivate(y): the loop reads 'y' before it binds it (line 6), so the "
        "thread that runs the last iteration holds its own running value, where python's "
        "run holds the whole loop's\n"
        "        # omp for firstprivate(y) lastprivate(y)\n"
        "        ^\n"
        "  hint: make it a reduction ('reduction(+:y)' for a sum), or bind 'y' from the "
        "iteration alone (then lastprivate gives the last iteration's value)"
    )


def test_a_firstprivate_list_the_region_changes_read_after_it():
    source = src(
        """
        rows = [[0], [0]]
        # omp parallel for firstprivate(rows)
        for i in range(4):
            rows.append([i])
        print(rows)
        """
    )
    assert error_of(source).startswith(
        "t.py:5:7: 'rows' is read after the parallel region at line 2, which changes each "
        "thread's own copy of it: here it holds its value from before the region"
    )
