"""A reduction variable read inside its own construct (reduction_reads.py): refused
where the read's value escapes its update, since each thread reads its private
partial result, not python's running total; accepted in the updates themselves.
Exact messages, from ``translate()`` directly."""

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


def test_running_total_stored_by_item():
    source = src(
        """
        s = 10
        seen = [0] * 4
        # omp parallel for reduction(+:s)
        for i in range(4):
            s += i
            seen[i] = s
        print(s, seen)
        """
    )
    assert error_of(source) == (
        "t.py:6:15: 's' is read in '# omp parallel for', but reduction(+:s) gives each "
        "thread a private copy of it\n"
        "        seen[i] = s\n"
        "                  ^\n"
        "  hint: each thread reads its own partial result (it starts at 0 for '+'), not "
        "the running total python computes; read 's' after the loop, or compute the "
        "running value apart"
    )


def test_read_in_a_region_names_the_construct_and_the_identity():
    source = src(
        """
        m = 0
        # omp parallel reduction(max:m)
        m = max(m, 3)
        print(m)
        # omp end parallel
        """
    )
    assert error_of(source) == (
        "t.py:4:7: 'm' is read in '# omp parallel', but reduction(max:m) gives each "
        "thread a private copy of it\n"
        "    print(m)\n"
        "          ^\n"
        "  hint: each thread reads its own partial result (it starts at -inf for 'max' on "
        "floats, at the original value on other types), "
        "not the running total python computes; read 'm' after the construct, or "
        "compute the running value apart"
    )


def test_read_in_a_taskgroup_with_task_reduction():
    source = src(
        """
        s = 0
        seen = []
        # omp parallel
        # omp single
        # omp taskgroup task_reduction(+:s)
        for i in range(4):
            # omp task in_reduction(+:s)
            s += i
            seen.append(s)
        # omp end parallel
        """
    )
    assert error_of(source) == (
        "t.py:9:17: 's' is read in '# omp taskgroup', but task_reduction(+:s) adds the "
        "tasks' updates to it only at the end of the taskgroup\n"
        "        seen.append(s)\n"
        "                    ^\n"
        "  hint: a read here misses the tasks' updates, which python has made by then; "
        "read 's' after the taskgroup, or compute the running value apart"
    )


@pytest.mark.parametrize(
    ("op", "statement", "col"),
    [
        ("+", "out.append(s)", 16),
        ("+", "print(s)", 11),
        ("+", "t = s", 9),
        ("+", "box.value = s", 17),
        ("+", "label = f'{s}'", 16),
        ("+", "s = s * 2 + i", 9),  # not an update with '+'
        ("+", "s += s", 10),
        ("+", "s = s + s", 9),
        ("+", "if s > 3: out.append(i)", 8),
        ("+", "s[i][s[0][0]] += 1", 10),  # the inner index reads it
        ("max", "t = max(s, i)", 13),
        ("max", "s = min(s, i)", 13),  # min under max
        ("max", "if i > s:\n        s = i\n        t = i", 12),  # the branch does more
        ("max", "if i > s: s = s + i", 12),
        ("*", "s = i - s", 13),
        ("user", "out.append(s)", 16),
    ],
)
def test_escaping_reads_are_refused(op, statement, col):
    source = (
        "def user(a, b):\n    return a + b\n"
        "s = 1\nout = []\nbox = None\n"
        f"# omp parallel for reduction({op}:s)\nfor i in range(4):\n    s += 0\n    {statement}\n"
    )
    if op in ("max", "*", "user"):
        source = source.replace("    s += 0\n", "    pass\n")
    message = error_of(source)
    assert message.startswith(f"t.py:9:{col}: 's' is read in '# omp parallel for', but ")


@pytest.mark.parametrize(
    ("op", "statement"),
    [
        ("+", "s += i"),
        ("+", "s -= i"),
        ("+", "s = s + i"),
        ("+", "s = i + s + 1"),
        ("+", "s = s - i"),
        ("-", "s = s + i - 2"),
        ("*", "s *= i + 1"),
        ("*", "s = (i + 1) * s"),
        ("|", "s |= i"),
        ("^", "s = i ^ s"),
        ("&", "s = s & i"),
        ("or", "s = s or i > 2"),
        ("and", "s = i < 9 and s"),
        ("max", "s = max(s, i)"),
        ("max", "s = np.maximum(s, i)"),
        ("min", "s = min(i, s, 3)"),
        ("max", "if i > s: s = i"),
        ("min", "if s >= i:\n        s = i"),
        ("max", "s = i if s is None else max(s, i)"),
        ("gcd", "s = gcd(s, i)"),
        ("join", "s = s + str(i)"),
        ("+", "s[i % 2] += i"),
        ("+", "s[i % 2][i % 3] += i"),  # a C 2-d array reduction (numpy, or declared)
        ("join", "s[i][0][1] = i"),
        ("|", "s[i % 2] = 1"),  # a key of a dict merged by union
        ("join", "s[i] = i"),  # a user's merge
        ("max", "s[0] = max(s[0], i)"),
        ("+", "s.append(i)"),
        ("|", "s.add(i)"),
        ("+", "t = i\n    s += t"),
        ("+", "def g(s):\n        return s\n    s += g(i)"),
        # the value the combine keeps whatever else comes: python's answer
        ("and", "if i == 2:\n        s = False"),
        ("or", "s = True"),
    ],
)
def test_updates_are_accepted(op, statement):
    source = (
        "import numpy as np\nfrom math import gcd\n"
        "def join(a, b):\n    return a + b\n"
        "s = 1\n"
        f"# omp parallel for reduction({op}:s)\nfor i in range(4):\n    {statement}\n"
    )
    translate(source, "t.py")


def test_inscan_reads_and_plain_simd_are_not_refused():
    scan = src(
        """
        s = 0
        out = [0] * 4
        # omp parallel for reduction(inscan, +:s)
        for i in range(4):
            s += i
            # omp scan inclusive(s)
            out[i] = s
        """
    )
    translate(scan, "t.py")
    simd = (
        "s = 0\nout = [0] * 4\n# omp simd reduction(+:s)\n"
        "for i in range(4):\n    s += i\n    out[i] = s\n"
    )
    translate(simd, "t.py")


@pytest.mark.parametrize(
    ("pragmas", "end"),
    [
        (
            "# omp parallel sections reduction(+:s)\n# omp section\n",
            "# omp end parallel sections\n",
        ),
        ("# omp parallel\n# omp scope reduction(+:s)\n", "# omp end scope\n# omp end parallel\n"),
    ],
)
def test_sections_and_scope(pragmas, end):
    source = f"s = 0\nout = [0]\n{pragmas}s += 1\nout[0] = s\n{end}"
    assert "'s' is read in '# omp " in error_of(source)


def test_taskloop_and_in_reduction():
    taskloop = src(
        """
        s = 0
        out = [0] * 4
        # omp parallel
        # omp single
        # omp taskloop reduction(+:s)
        for i in range(4):
            s += i
            out[i] = s
        # omp end parallel
        """
    )
    assert error_of(taskloop).startswith("t.py:8:14: 's' is read in '# omp taskloop'")


# Issue 9: a reduction variable bound without a read (``s = e``) gave python's answer
# at no team size (100 + each thread's last value); now refused, at the binding.
def test_binding_a_reduction_variable_is_refused():
    source = src(
        """
        s = 100
        # omp parallel for reduction(+:s)
        for i in range(8):
            s = i
        print(s)
        """
    )
    assert error_of(source) == (
        "t.py:4:5: 's' is bound in '# omp parallel for' other than by an update with '+', "
        "but reduction(+:s) gives each thread a private copy of it: the binding changes "
        "only the thread's copy (which starts at 0), which is then combined with '+', so "
        "python's last value is lost\n"
        "        s = i\n"
        "        ^\n"
        "  hint: update 's' only with '+' (for example 's += e'), or bind another name and "
        "combine it with 's' after the loop"
    )


def test_storing_an_item_of_an_array_reduction_is_refused():
    source = src(
        """
        import numpy as np
        a = np.zeros(2, dtype=int)
        # omp parallel
        if True:
            # omp for reduction(+:a)
            for i in range(8):
                a[i % 2] = 1
        print(a)
        """
    )
    assert error_of(source) == (
        "t.py:7:9: an item of 'a' is stored in '# omp for' other than by an update with "
        "'+', but reduction(+:a) gives each thread a private copy of it: the store "
        "changes only the thread's copy (which starts at 0), which is then combined with "
        "'+', so python's last value is lost\n"
        "            a[i % 2] = 1\n"
        "            ^\n"
        "  hint: update 'a' only with '+' (for example 'a[k] += e'), or bind another name "
        "and combine it with 'a' after the loop"
    )


@pytest.mark.parametrize(
    ("op", "statement", "col", "example"),
    [
        ("+", "s *= 2", 5, "s += e"),  # another operator's update
        ("max", "s += i", 5, "s = max(s, e)"),
        ("min", "s = i", 5, "s = min(s, e)"),
        ("or", "s = i > 2", 5, "s = s or e"),
        ("or", "s = False", 5, "s = s or e"),  # (not the value 'or' keeps)
        ("and", "s = True", 5, "s = s and e"),
        ("*", "t, s = i, i", 8, "s *= e"),
        ("user", "s = i", 5, "s = user(s, e)"),
        ("|", "s = {i: i}", 5, "s |= e"),
        ("+", "s[0] *= 2", 5, "s[k] += e"),
        ("-", "s[i] = i", 5, "s[k] -= e"),
        ("+", "s[i][1] = i", 5, "s[k] += e"),
    ],
)
def test_bindings_and_item_stores_are_refused(op, statement, col, example):
    source = (
        "def user(a, b):\n    return a + b\n"
        "s = 1\n"
        f"# omp parallel for reduction({op}:s)\nfor i in range(4):\n    {statement}\n"
    )
    message = error_of(source)
    item = "an item of 's' is stored" if "[" in statement else "'s' is bound"
    assert message.startswith(f"t.py:6:{col}: {item} in '# omp parallel for' other than ")
    assert f"(for example '{example}')" in message


def test_a_region_and_in_reduction_bindings_are_refused():
    region = "s = 0\n# omp parallel reduction(+:s)\ns = 1\n# omp end parallel\n"
    assert error_of(region).startswith("t.py:3:1: 's' is bound in '# omp parallel' ")
    assert error_of(region).endswith("bind another name and combine it with 's' after the "
                                     "construct")
    task = src(
        """
        s = 0
        # omp parallel
        # omp single
        # omp taskgroup task_reduction(+:s)
        for i in range(4):
            # omp task in_reduction(+:s)
            s = i
        # omp end parallel
        """
    )
    assert error_of(task).startswith(
        "t.py:7:5: 's' is bound in '# omp task' other than by an update with '+', but "
        "in_reduction(+:s) gives"
    )
