"""The statement forms ``# omp atomic`` accepts in Python (docs/pragmas.md, "atomic").

OpenMP lists the C statements each atomic form may cover (``x binop= expr``, ``v = x``,
``{v = x; x binop= expr;}``, ``if (x == e) x = d;``...).  This module says which Python
statements stand for them, refuses anything else with a message that shows the forms,
and names the variables that receive a value (``v``): those are the thread's own, not
shared.  Every form runs under the team's one atomic lock (``ThreadContext.atomic``),
so what it reads and writes is seen whole by the other threads' atomics.

In Python a capture may also be written as one chained assignment: ``v = x = x + 1``
captures the new value.
"""

from __future__ import annotations

import libcst as cst

from .diagnostics import PragmaError
from .model import Construct

_EMPTY = cst.Module(body=[])

# What each form looks like, for the error messages.
SHAPES = {
    "update": "one update of a variable, an item or an attribute: 'x += e', 'x = x * e' "
    "or 'x = e - x'",
    "read": "one read into another variable: 'v = x'",
    "write": "one write: 'x = e'",
    "capture": "an update and a read of the same variable: 'v = x; x += e' (the old "
    "value), 'x += e; v = x' or 'v = x = x + e' (the new value), or 'v = x; x = e'",
    "compare": "a conditional write: 'if x == e: x = d', 'if x < e: x = e', "
    "'if x > e: x = e', or one as an expression ('x = e if e < x else x')",
    "compare capture": "a conditional write and a read: 'v = x' before or after "
    "'if x == e: x = d', or 'if x == e: x = d' with 'else: v = x'",
}


def form(construct: Construct) -> str:
    """The atomic form a pragma asks for (``update`` when it names none)."""
    pragma = construct.pragma
    if pragma.clause("compare") is not None:
        return "compare capture" if pragma.clause("capture") is not None else "compare"
    for name in ("read", "write", "capture"):
        if pragma.clause(name) is not None:
            return name
    return "update"


def check(construct: Construct, filename: str) -> None:
    """Refuse statements that are not of the construct's atomic form."""
    wanted = form(construct)
    statements = _statements(construct)
    if statements is None or _captured(wanted, statements) is None:
        pragma = construct.pragma
        written = pragma.text.split()
        shown = " ".join(w for w in written if w in ("atomic", *SHAPES, "compare"))
        hint = "use '# omp critical' for anything else"
        if wanted in ("capture", "compare capture"):
            hint = "write the statements on one line ('v = x; x += 1') or close a block " + (
                "with '# omp end atomic'; " + hint
            )
        raise PragmaError(
            f"'# omp {shown}' must be followed by {SHAPES[wanted]}",
            filename=filename,
            line=pragma.pos.line,
            col=pragma.pos.col,
            hint=hint,
        )


def private_targets(construct: Construct) -> frozenset[str]:
    """The plain names that read or capture forms bind (``v``): each thread's own."""
    statements = _statements(construct)
    if statements is None:
        return frozenset()
    captured = _captured(form(construct), statements)
    return frozenset(v for v in captured or () if _is_name(v))


# -- recognising the forms ---------------------------------------------------------------

Statement = cst.BaseSmallStatement | cst.If


def _statements(construct: Construct) -> list[Statement] | None:
    """The construct's statements, one line's ``;``-separated ones apart."""
    found: list[Statement] = []
    for item in construct.body:
        if isinstance(item, cst.SimpleStatementLine):
            found.extend(item.body)
        elif isinstance(item, cst.If):
            found.append(item)
        else:
            return None
    return found


def _captured(wanted: str, statements: list[Statement]) -> list[str] | None:
    """The code of the variables the form reads into (``v``), or None when the
    statements are not of the form."""
    if wanted == "update":
        return [] if len(statements) == 1 and _update(statements[0]) else None
    if wanted == "read":
        read = _read(statements[0]) if len(statements) == 1 else None
        return None if read is None else [read[0]]
    if wanted == "write":
        return [] if len(statements) == 1 and _write(statements[0]) else None
    if wanted == "capture":
        return _capture(statements)
    if wanted == "compare":
        ok = len(statements) == 1 and _conditional(statements[0]) is not None
        return [] if ok else None
    return _compare_capture(statements)


def _code(node: cst.CSTNode) -> str:
    return _EMPTY.code_for_node(node).strip()


def _is_place(node: cst.BaseExpression) -> bool:
    """A variable, an item or an attribute: what an atomic can update."""
    return isinstance(node, (cst.Name, cst.Attribute, cst.Subscript))


def _is_name(code: str) -> bool:
    return code.isidentifier()


def _single_target(statement: Statement) -> cst.BaseExpression | None:
    if isinstance(statement, cst.Assign) and len(statement.targets) == 1:
        return statement.targets[0].target
    return None


def _update(statement: Statement) -> str | None:
    """``x op= e``, ``x = x op e`` or ``x = e op x``: the code of ``x``."""
    if isinstance(statement, cst.AugAssign):
        return _code(statement.target) if _is_place(statement.target) else None
    target = _single_target(statement)
    if target is None or not _is_place(target):
        return None
    assert isinstance(statement, cst.Assign)
    return _code(target) if _updates(statement.value, _code(target)) else None


def _updates(value: cst.BaseExpression, x: str) -> bool:
    """Is ``value`` ``x op e`` or ``e op x``?"""
    return isinstance(value, cst.BinaryOperation) and x in (_code(value.left), _code(value.right))


def _read(statement: Statement) -> tuple[str, str] | None:
    """``v = x``: the code of ``v`` and of ``x``."""
    target = _single_target(statement)
    if target is None or not _is_place(target):
        return None
    assert isinstance(statement, cst.Assign)
    if not _is_place(statement.value) or _code(statement.value) == _code(target):
        return None
    return _code(target), _code(statement.value)


def _write(statement: Statement) -> str | None:
    """``x = e``: the code of ``x``."""
    target = _single_target(statement)
    return _code(target) if target is not None and _is_place(target) else None


def _capture(statements: list[Statement]) -> list[str] | None:
    if len(statements) == 1:
        # v = x = x + e: the new value.
        statement = statements[0]
        if not isinstance(statement, cst.Assign) or len(statement.targets) != 2:
            return None
        v, x = (t.target for t in statement.targets)
        if not (_is_place(v) and _is_place(x)) or not _updates(statement.value, _code(x)):
            return None
        return [_code(v)]
    if len(statements) != 2:
        return None
    first, second = statements
    read = _read(first)
    if read is not None and (_update(second) == read[1] or _write(second) == read[1]):
        return [read[0]]  # v = x; x += e  (or v = x; x = e)
    read = _read(second)
    if read is not None and _update(first) == read[1]:
        return [read[0]]  # x += e; v = x
    return None


def _compare(statement: Statement, allow_else: bool) -> tuple[str, str | None] | None:
    """``if x == e: x = d`` (and the ordering forms): the code of ``x``, and of ``v``
    in an ``else: v = x``."""
    if not isinstance(statement, cst.If):
        return None
    test = statement.test
    if not isinstance(test, cst.Comparison) or len(test.comparisons) != 1:
        return None
    comparison = test.comparisons[0]
    if not isinstance(comparison.operator, (cst.Equal, cst.LessThan, cst.GreaterThan)):
        return None
    left, right = _code(test.left), _code(comparison.comparator)
    body = _lone(statement.body)
    target = _single_target(body) if body is not None else None
    if target is None or _code(target) not in (left, right) or not _is_place(target):
        return None
    x = _code(target)
    other = right if x == left else left
    assert isinstance(body, cst.Assign)
    if not isinstance(comparison.operator, cst.Equal) and _code(body.value) != other:
        return None  # if x < e: x = e
    captured = None
    if statement.orelse is not None:
        if not allow_else or not isinstance(statement.orelse, cst.Else):
            return None
        read = _read(_lone(statement.orelse.body) or cst.Pass())
        if read is None or read[1] != x:
            return None
        captured = read[0]
    return x, captured


def _conditional(statement: Statement) -> str | None:
    """A conditional write, as a statement (``if x < e: x = e``) or as C's ``x = e <
    x ? e : x`` (``x = e if e < x else x``, ``x = d if x == e else x``): the code of
    ``x``."""
    found = _compare(statement, allow_else=False)
    if found is not None:
        return found[0]
    target = _single_target(statement)
    if target is None or not _is_place(target):
        return None
    assert isinstance(statement, cst.Assign)
    value = statement.value
    if not isinstance(value, cst.IfExp) or _code(value.orelse) != _code(target):
        return None
    test = value.test
    if not isinstance(test, cst.Comparison) or len(test.comparisons) != 1:
        return None
    comparison = test.comparisons[0]
    if not isinstance(comparison.operator, (cst.Equal, cst.LessThan, cst.GreaterThan)):
        return None
    x = _code(target)
    left, right = _code(test.left), _code(comparison.comparator)
    if x not in (left, right):
        return None
    other = right if x == left else left
    if not isinstance(comparison.operator, cst.Equal) and _code(value.body) != other:
        return None  # x = e if e < x else x
    return x


def _lone(suite: cst.BaseSuite) -> cst.BaseSmallStatement | None:
    """The one small statement of a suite, if it has exactly one."""
    if isinstance(suite, cst.SimpleStatementSuite):
        return suite.body[0] if len(suite.body) == 1 else None
    if isinstance(suite, cst.IndentedBlock) and len(suite.body) == 1:
        line = suite.body[0]
        if isinstance(line, cst.SimpleStatementLine) and len(line.body) == 1:
            return line.body[0]
    return None


def _compare_capture(statements: list[Statement]) -> list[str] | None:
    if len(statements) == 1:
        found = _compare(statements[0], allow_else=True)
        return None if found is None or found[1] is None else [found[1]]
    if len(statements) != 2:
        return None
    first, second = statements
    for read_at, if_at in ((first, second), (second, first)):
        read = _read(read_at)
        place = _conditional(if_at)
        if read is not None and place is not None and read[1] == place:
            return [read[0]]
    return None
