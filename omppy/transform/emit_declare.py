"""Emitting the declarative directives and ``error``.

- ``threadprivate(a, b)``: ``_omp.threadprivate(_omp.globals(), ('a', 'b'))``, which
  records the globals' first values (each thread's copy starts from them); regions
  then use the globals themselves (``global a, b`` in their outlined body, see
  ``emit_parallel.py``), and every thread is a process with globals of its own.
- ``declare reduction(name : types : combiner) initializer(...)``: the combiner and
  the initializer become functions, registered by name (``_omp.declare_reduction``).
- ``error at(execution)``: ``_omp.error(message, severity)``; a compile-time error
  was reported by the translator already (``rules.py``).

And the operator of a ``reduction`` clause as the generated code names it
(:func:`operator`).
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING

import libcst as cst

from .model import Construct, ConstructInfo
from .pragma import REDUCTION_OPERATORS

if TYPE_CHECKING:
    from .emit import Emitter


def operator(e: Emitter, op: str) -> str:
    """A reduction's operator in the generated code: a built-in one or a declared
    name as a string, a function (``math.gcd``) as ``_omp.reduce_with(math.gcd)``."""
    if op in REDUCTION_OPERATORS or op in e.declared_reductions:
        return repr(op)
    return f"_omp.reduce_with({op}, {op!r})"


def threadprivate(
    e: Emitter, construct: Construct, info: ConstructInfo
) -> list[cst.BaseStatement]:
    pragma = construct.pragma
    listed = ", ".join(repr(n) for n in pragma.listed) + ("," if len(pragma.listed) == 1 else "")
    return [e.statement(f"_omp.threadprivate(_omp.globals(), ({listed}))", pragma.pos.line)]


def reduction(e: Emitter, construct: Construct, info: ConstructInfo) -> list[cst.BaseStatement]:
    """``def _omp_combine_<line>(omp_out, omp_in): ...``, the initializer's
    ``def _omp_initializer_<line>(omp_orig): ...``, and their registration."""
    pragma = construct.pragma
    line = pragma.pos.line
    assert pragma.expr is not None
    combiner = pragma.expr
    statement = ast.parse(combiner).body[0]
    used = {n.id for n in ast.walk(statement) if isinstance(n, ast.Name)}
    if isinstance(statement, ast.Expr) and not used & {"omp_out", "omp_in"}:
        # A function of two arguments: declare reduction(lcm : int : math.lcm).
        body = f"return ({combiner})(omp_out, omp_in)"
    elif isinstance(statement, ast.Expr):
        # The value is the result; None (omp_out.update(omp_in)) keeps omp_out.
        body = f"return {combiner}"
    else:
        body = f"{combiner}\n{e.unit}return omp_out"
    combine = f"_omp_combine_{line}"
    out = [e.statement(f"def {combine}(omp_out, omp_in):\n{e.unit}{body}\n", line)]
    initializer = pragma.clause("initializer")
    init = "None"
    if initializer is not None:
        init = f"_omp_initializer_{line}"
        out.append(
            e.statement(f"def {init}(omp_orig):\n{e.unit}return {initializer.expr}\n", line)
        )
    types = ", ".join(pragma.listed) + ("," if len(pragma.listed) == 1 else "")
    comments = e.take_comments(out, line)
    out[0] = e.stamp(out[0].with_changes(leading_lines=comments), line)
    out.append(
        e.statement(
            f"_omp.declare_reduction({pragma.name!r}, ({types}), {combine}, {init})", line
        )
    )
    return out


def error(e: Emitter, construct: Construct, info: ConstructInfo) -> list[cst.BaseStatement]:
    pragma = construct.pragma
    at = pragma.clause("at")
    if at is None or at.kind == "compilation":
        return []  # reported when the program was translated (rules.py)
    severity = pragma.clause("severity")
    message = pragma.clause("message")
    default = repr(f"'# omp error' at line {pragma.pos.line}")
    text = message.expr if message is not None else default
    kind = severity.kind if severity is not None else "fatal"
    return [e.statement(f"_omp.error({text}, {kind!r})", pragma.pos.line)]
