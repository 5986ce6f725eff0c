"""OpenMP's rules on ``ordered``, checked by the survey before anything is rewritten.

An ``ordered`` block stands in a loop with ``ordered`` (no number), an ``ordered
simd`` in a simd loop; a doacross ``ordered depend(sink/source)`` in a loop with
``ordered(n)``, whose sinks name ``n`` values, and that loop is ``n`` perfectly nested,
rectangular ``for name in range(...)`` loops, scheduled statically.  Each rule raises
a :class:`PragmaError` that says what to write instead.
"""

from __future__ import annotations

import libcst as cst

from .checks import at as _at
from .checks import error
from .model import Construct
from .pragma import LOOP_DIRECTIVES
from .walk import walk


def doacross(construct: Construct, stack: list[Construct], filename: str) -> Construct:
    """A doacross ``ordered``: in a loop with ``ordered(n)``, its sinks of ``n``
    values.  Returns the loop."""
    pragma = construct.pragma
    loop = next((c for c in reversed(stack) if c.directive in LOOP_DIRECTIVES), None)
    clause = loop.pragma.clause("ordered") if loop is not None else None
    if loop is None or clause is None or clause.number is None:
        raise error(
            filename,
            _at(pragma),
            f"'# omp ordered {pragma.clauses[0].name}(...)' must be in a loop with "
            "'ordered(n)'",
            hint="write '# omp parallel for ordered(1)' (or ordered(2) for a 2-level nest)",
        )
    for sink in pragma.clauses:
        if sink.kind != "sink":
            continue
        exprs = sink.exprs
        if len(exprs) == 1 and "omp_cur_iteration" in exprs[0]:
            continue
        if len(exprs) != clause.number:
            raise error(
                filename,
                (sink.pos.line, sink.pos.col),
                f"the loop has ordered({clause.number}): a sink names {clause.number} "
                f"loop value{'s' if clause.number > 1 else ''}, found {len(exprs)}",
                hint="give one value per loop of the nest, in their order, e.g. "
                f"'depend(sink: {', '.join(['i - 1'] + ['j'] * (clause.number - 1))})'",
            )
    return loop


def ordered_block(construct: Construct, stack: list[Construct], filename: str) -> None:
    """An ``ordered`` block in a loop with ``ordered(n)``: that loop orders by
    ``depend(sink)``/``depend(source)``; an ``ordered simd`` in a simd loop."""
    pragma = construct.pragma
    loop = next(
        (c for c in reversed(stack) if c.directive in LOOP_DIRECTIVES | {"simd"}), None
    )
    if pragma.directive == "ordered simd":
        if loop is None or "simd" not in loop.pragma.shown:
            raise error(
                filename,
                _at(pragma),
                "'# omp ordered simd' must be closely nested in a simd loop",
                hint="write '# omp ordered' to order the iterations of threads",
            )
        return
    clause = loop.pragma.clause("ordered") if loop is not None else None
    if clause is not None and clause.number is not None:
        raise error(
            filename,
            _at(pragma),
            f"the loop has ordered({clause.number}): its body orders iterations with "
            "'# omp ordered depend(sink: ...)' and '# omp ordered depend(source)', not "
            "ordered blocks",
            hint="write 'ordered' (without a number) on the loop for ordered blocks",
        )


def doacross_loop(construct: Construct, filename: str) -> None:
    """A loop with ``ordered(n)``: ``n`` perfectly nested ``for name in range(...)``
    loops, rectangular, scheduled statically."""
    pragma = construct.pragma
    clause = pragma.clause("ordered")
    assert clause is not None and clause.number is not None
    depth = clause.number
    collapse = pragma.clause("collapse")
    if collapse is not None and collapse.number and collapse.number > depth:
        raise error(
            filename,
            (clause.pos.line, clause.pos.col),
            f"ordered({depth}) must cover the collapse({collapse.number}) loops at least",
            hint=f"write ordered({collapse.number}) or more",
        )
    schedule = pragma.clause("schedule")
    if schedule is not None and schedule.kind not in ("static", "auto", "runtime"):
        raise error(
            filename,
            (schedule.pos.line, schedule.pos.col),
            f"a doacross loop is scheduled statically; schedule({schedule.kind}) cannot say "
            "which thread runs an iteration, which its sinks wait for",
            hint="use schedule(static[, chunk]), or leave the schedule out",
        )
    loop = construct.body[0]
    outer: set[str] = set()
    for level in range(1, depth + 1):
        if not isinstance(loop, cst.For) or loop.orelse is not None:
            raise error(
                filename,
                _at(pragma),
                f"ordered({depth}) needs {depth} perfectly nested for loops, but level "
                f"{level} is not a for loop alone in the loop above it",
                hint=f"make level {level} a for loop alone in the body of the loop above, or "
                f"lower ordered({depth})",
            )
        if not isinstance(loop.target, cst.Name):
            raise error(
                filename,
                _at(pragma),
                f"the loops of a doacross nest take one variable each; level {level} has "
                f"'{cst.Module(body=[]).code_for_node(loop.target)}'",
                hint="write 'for i in range(...)' at each level of the nest",
            )
        call = loop.iter
        if not (isinstance(call, cst.Call) and isinstance(call.func, cst.Name)
                and call.func.value == "range"):
            raise error(
                filename,
                _at(pragma),
                f"the loops of a doacross nest iterate range(...), so that a sink's values "
                f"name an iteration; level {level} iterates "
                f"'{cst.Module(body=[]).code_for_node(call)}'",
                hint="write 'for i in range(...)' at each level of the nest",
            )
        used = {n.value for n in _names_in(call)}
        if used & outer:
            raise error(
                filename,
                _at(pragma),
                f"ordered({depth}) needs a rectangular loop nest, but level {level}'s range "
                f"uses '{sorted(used & outer)[0]}' from an enclosing loop",
                hint="give every level of the nest a range that does not use the outer "
                "loops' variables",
            )
        outer.add(loop.target.value)
        if level < depth:
            body = loop.body.body if isinstance(loop.body, cst.IndentedBlock) else []
            loop = body[0] if len(body) == 1 else None  # type: ignore[assignment]


def _names_in(node: cst.CSTNode) -> list[cst.Name]:
    found: list[cst.Name] = []

    class Names(cst.CSTVisitor):
        def visit_Name(self, name: cst.Name) -> None:
            found.append(name)

    walk(node, Names())
    return found
