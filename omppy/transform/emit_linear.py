"""Emitting the ``linear`` clause of ``for`` and ``parallel for``.

``linear(j: 2)`` says that ``j`` grows by 2 each iteration: iteration ``k`` of the
loop starts with ``j = j0 + k * 2`` (``j0``: its value before the loop), whichever
thread runs it, and after the loop ``j`` has the last iteration's value.  The loop
iterates the numbers of its iterations, so that each knows its ``k``
(omppy/runtime/linear.py)::

    _omp_linear_5 = _omp.linear(_omp_t, {'j': (j, 2)})
    for i in _omp_linear_5.over(_omp_t.loop(range(len(_omp_items))), _omp_items):
        j = _omp_linear_5.start(j)
        ...
    j = _omp_linear_5.finish(j)

The runtime also checks the claim: an iteration that leaves ``j`` anywhere but at
the next iteration's start is an error, since the sequential program would then
compute something else.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import libcst as cst

from . import layout
from .layout import call
from .model import Construct

if TYPE_CHECKING:
    from .emit import Emitter


def names(construct: Construct) -> list[str]:
    return list(construct.pragma.names_in("linear"))


def steps(construct: Construct) -> str:
    """``{'j': (j, 2)}``: each linear name's value before the loop, and its step."""
    entries = [
        f"{n!r}: ({n}, ({c.expr or '1'}))" for c in construct.pragma.all("linear") for n in c.names
    ]
    return "{" + ", ".join(entries) + "}"


def start(e: Emitter, construct: Construct, line: int, source: str) -> cst.BaseStatement:
    """``_omp_linear_<line> = _omp.linear(_omp_t, ...)`` before the loop."""
    return e.statement(f"_omp_linear_{line} = _omp.linear(_omp_t, {source})", line)


def header(e: Emitter, construct: Construct, loop: cst.For, line: int, level: int) -> cst.For:
    """The loop iterating iteration numbers, each iteration's body starting with the
    linear names' values.  ``loop`` iterates ``<share>.loop(_omp_items, ...)``; its
    header is laid out in 99 columns (``level``: how many levels deeper than the
    construct it stands)."""
    share = loop.iter
    assert isinstance(share, cst.Call)
    rest = [e.code(a.with_changes(comma=cst.MaybeSentinel.DEFAULT)) for a in share.args[1:]]
    numbered = call(e.code(share.func), "range(len(_omp_items))", *rest)
    target = e.code(loop.target)
    column = e.column(e.infos[construct], level)
    prefix = f"for {target} in "
    over = call(f"_omp_linear_{line}.over", numbered, "_omp_items")
    laid_out = layout.render(prefix, over, column, e.unit, tail=1)  # (":" follows)
    iterate = cst.parse_expression(laid_out[len(prefix) :])
    listed = names(construct)
    targets = ", ".join(listed)
    first = e.statement(f"{targets} = _omp_linear_{line}.start({targets})", line)
    body = loop.body
    assert isinstance(body, cst.IndentedBlock)
    return loop.with_changes(iter=iterate, body=body.with_changes(body=[first, *body.body]))


def finish(e: Emitter, construct: Construct, line: int, at: int) -> cst.BaseStatement:
    """After the loop (standing for the user's line ``at``): the thread's values."""
    targets = ", ".join(names(construct))
    return e.statement(f"{targets} = _omp_linear_{line}.finish({targets})", at)
