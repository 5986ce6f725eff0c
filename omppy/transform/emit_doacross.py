"""Emitting doacross loops: ``for ordered(n)``, with ``# omp ordered depend(sink: ...)``
and ``# omp ordered depend(source)`` (or ``doacross(...)``) in the body.

The loop hands the runtime the iterables of the doacross levels below the
work-shared ones (``doacross=(range(m),)``); a sink is
``_omp_t.doacross_wait((i, j), (i - 1, j))`` and a source
``_omp_t.doacross_post((i, j))``, with the current values of the nest's loop
variables (omppy/runtime/doacross.py).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import libcst as cst

from .model import Construct, ConstructInfo
from .pragma import LOOP_DIRECTIVES

if TYPE_CHECKING:
    from .emit import Emitter

# depend(sink: omp_cur_iteration - k): k iterations back, in the flattened order.
CURRENT_RE = re.compile(r"\s*omp_cur_iteration\s*-\s*([0-9]+)\s*")


def depth(construct: Construct) -> int | None:
    """``n`` of the loop's ``ordered(n)``, or None."""
    clause = construct.pragma.clause("ordered")
    return clause.number if clause is not None else None


def nest(construct: Construct) -> list[cst.For]:
    """The ``n`` loops of the doacross nest (original nodes; checked by rules.py)."""
    loop = construct.body[0]
    assert isinstance(loop, cst.For)
    loops = [loop]
    for _ in range((depth(construct) or 1) - 1):
        body = loops[-1].body
        assert isinstance(body, cst.IndentedBlock)
        inner = body.body[0]
        assert isinstance(inner, cst.For)
        loops.append(inner)
    return loops


def loop_argument(e: Emitter, construct: Construct) -> str:
    """``doacross=(...)``: the iterables of the levels below the work-shared ones."""
    collapse = construct.pragma.clause("collapse")
    shared_levels = collapse.number if collapse is not None and collapse.number else 1
    inner = [e.code(loop.iter) for loop in nest(construct)[shared_levels:]]
    return f"doacross=({', '.join(inner)}{',' if len(inner) == 1 else ''})"


def ordered(e: Emitter, construct: Construct, info: ConstructInfo) -> list[cst.BaseStatement]:
    pragma = construct.pragma
    loop = next(c for c in reversed(info.around) if c.directive in LOOP_DIRECTIVES)
    variables = [e.code(n.target) for n in nest(loop)]
    current = f"({', '.join(variables)}{',' if len(variables) == 1 else ''})"
    line = pragma.pos.line
    if any(c.kind == "source" for c in pragma.clauses):
        return [e.statement(f"_omp_t.doacross_post({current})", line)]
    sinks = []
    for clause in pragma.clauses:
        back = CURRENT_RE.fullmatch(clause.exprs[0]) if len(clause.exprs) == 1 else None
        if back is not None:
            sinks.append(back.group(1))
        else:
            sinks.append(f"({', '.join(clause.exprs)}{',' if len(clause.exprs) == 1 else ''})")
    return [e.statement(f"_omp_t.doacross_wait({current}, {', '.join(sinks)})", line)]
