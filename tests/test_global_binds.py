"""A module global bound in a synchronisation block is bound in the module at once
(transform/global_binds.py): the functions the block calls next read the new value."""

from __future__ import annotations

import textwrap

from omppy.transform.translate import translate

SOURCE = textwrap.dedent(
    """\
    field = [1.0]
    other = 0
    def total():
        return sum(field)
    # omp parallel
    # omp single
    if field:
        field, other = [2.0], other + 1
        other += 1
    for other in range(2):
        total()
    def inner():
        field = None
        return field
    total()
    # omp end single
    # omp end parallel
    """
)


def _binds(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if "bind_global" in line]


def test_each_binding_of_a_module_global_in_a_block_is_followed_by_its_bind():
    text = translate(SOURCE, "m.py").text
    assert _binds(text) == [
        "_omp.bind_global('field', field)",
        "_omp.bind_global('other', other)",
        "_omp.bind_global('other', other)",
        "_omp.bind_global('other', other)",
    ]
    # after the binding statement, inside the same ``if``; none in the nested def
    lines = text.splitlines()
    first = next(i for i, line in enumerate(lines) if "bind_global('field'" in line)
    assert lines[first - 1].strip() == "field, other = [2.0], other + 1"
    loop = next(i for i, line in enumerate(lines) if line.strip() == "for other in range(2):")
    assert "bind_global('other', other)" in lines[loop + 1]
    inner = next(i for i, line in enumerate(lines) if line.strip() == "field = None")
    assert "bind_global" not in lines[inner + 1]


def test_a_block_in_a_function_binding_its_locals_adds_no_bind():
    source = textwrap.dedent(
        """\
        def f():
            field = [1.0]
            # omp parallel
            # omp single
            field = [2.0]
            # omp end single
            # omp end parallel
            return field
        """
    )
    assert _binds(translate(source, "m.py").text) == []


def test_statements_rebuilt_around_a_bind_keep_their_user_lines():
    # libcst rebuilds every node it visits; a rebuilt statement lost its entry in the
    # line map, and a traceback through it pointed at the line before (test_tasks.py's
    # in_reduction error showed `total += k` instead of its task pragma).
    translation = translate(SOURCE, "m.py")
    found = {
        line.strip(): translation.line_of.get(number)
        for number, line in enumerate(translation.text.splitlines(), 1)
        if line.strip() in ("other += 1", "for other in range(2):", "return field")
    }
    assert found == {"other += 1": 9, "for other in range(2):": 10, "return field": 14}
    calls = [
        translation.line_of.get(number)
        for number, line in enumerate(translation.text.splitlines(), 1)
        if line.strip() == "total()"
    ]
    assert calls == [11, 15]
