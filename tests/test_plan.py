"""The plan (``plan.py``): which statements each pragma covers, as constructs.

The placement rules of docs/pragmas.md ("Placement"), checked on the grouped items
of the module's top-level block; the exact error messages are in
test_translate_errors.py.
"""

from __future__ import annotations

from collections.abc import Sequence

import libcst as cst
import pytest
from libcst.metadata import PositionProvider
from stages import planned, program

from omppy.transform import plan
from omppy.transform.diagnostics import PragmaError
from omppy.transform.model import Construct, Item


def grouped(text: str) -> list[Item]:
    """The module's top-level statements grouped into constructs."""
    module, blocks, wrapper = planned(program(text))
    positions = wrapper.resolve(PositionProvider)
    columns = {s: positions[s].start.column for s in module.body}
    return plan.group(list(module.body), blocks, blocks.footer.get(module, []), "t.py", columns)


def shape(items: Sequence[Item]) -> list[object]:
    """Items as nested lists: a construct is ``[directive, *its items]``, a statement
    its first line of code."""
    found: list[object] = []
    for item in items:
        if isinstance(item, Construct):
            found.append([item.directive, *shape(item.body)])
        else:
            code = cst.Module(body=[item.with_changes(leading_lines=())]).code
            found.append(code.strip().splitlines()[0])
    return found


def test_a_pragma_covers_the_next_statement_past_blank_lines_and_comments():
    items = grouped(
        """
        x = 0
        # omp parallel

        # an ordinary comment
        x = 1
        x = 2
        """
    )
    assert shape(items) == ["x = 0", ["parallel", "x = 1"], "x = 2"]


def test_stacked_pragmas_nest_outermost_first():
    items = grouped(
        """
        # omp parallel num_threads(3)
        # omp for schedule(static, 2)
        for i in range(10):
            pass
        """
    )
    assert shape(items) == [["parallel", ["for", "for i in range(10):"]]]


def test_an_end_pragma_closes_a_block_of_statements():
    items = grouped(
        """
        # omp parallel
        a = 1
        # omp critical
        b = 2
        c = 3
        # omp end parallel
        d = 4
        """
    )
    assert shape(items) == [["parallel", "a = 1", ["critical", "b = 2"], "c = 3"], "d = 4"]


def test_nested_blocks_of_one_directive_take_the_nearest_end():
    items = grouped(
        """
        # omp critical
        a = 1
        # omp critical
        b = 2
        # omp end critical
        c = 3
        # omp end critical
        """
    )
    assert shape(items) == [["critical", "a = 1", ["critical", "b = 2"], "c = 3"]]


def test_sections_are_split_at_each_section_pragma():
    items = grouped(
        """
        # omp parallel sections
        a = 1
        # omp section
        b = 2
        c = 3
        # omp section
        d = 4
        # omp end parallel sections
        """
    )
    (construct,) = items
    assert isinstance(construct, Construct)
    sections = [shape(section) for section in construct.sections]
    # Statements before the first ``section`` form the first section.
    assert sections == [["a = 1"], ["b = 2", "c = 3"], ["d = 4"]]
    assert shape(construct.statements()) == ["a = 1", "b = 2", "c = 3", "d = 4"]


def test_barrier_and_flush_stand_alone():
    items = grouped(
        """
        a = 1
        # omp barrier
        # omp flush
        b = 2
        """
    )
    assert shape(items) == ["a = 1", ["barrier"], ["flush"], "b = 2"]


def test_a_pragma_on_a_compound_statement_covers_all_of_it():
    items = grouped(
        """
        # omp single
        if True:
            a = 1
            b = 2
        """
    )
    assert shape(items) == [["single", "if True:"]]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("x = 1\n# omp critical\n", "is not followed by a statement in its block"),
        ("# omp end critical\nx = 1\n", "has no matching '# omp critical'"),
        ("# omp critical\nx = 1\ny = 2\n# omp end single\n", "has no matching '# omp single'"),
        ("# omp for\nwhile True:\n    pass\n", "must be followed by a for loop"),
        ("  # omp critical\nx = 1\n", "is not aligned with the statement"),
    ],
)
def test_misplaced_pragmas_are_errors(text, message):
    with pytest.raises(PragmaError, match=message):
        grouped(text)


def test_a_pragma_inside_a_statement_is_an_error():
    with pytest.raises(PragmaError, match="between statements, not inside one"):
        planned("x = [\n    # omp critical\n    1,\n]\n")
