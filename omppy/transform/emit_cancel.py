"""Emitting ``cancel`` and ``cancellation point``, and the constructs they cancel.

A construct that holds a ``cancel`` of its kind (the survey records which, in
``ConstructInfo.cancel``) runs inside ``with _omp_t.cancellable(kind):``: a region's
body, a loop, a ``sections`` loop.  Its loop also checks the mark before each
iteration (``cancellable=True``), and so does every loop of a region that may be
cancelled.  ``# omp cancel for`` is ``_omp_t.cancel('for')``, which leaves the loop
by raising what the ``with`` catches (omppy/runtime/cancel.py).  ``cancel taskgroup``
leaves the body of its task: the task's function holds ``with
_omp_t.cancellable('taskgroup'):`` around its statements, and still returns its
locals (what the task bound is handed back as usual).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import libcst as cst

from .model import Construct, ConstructInfo
from .pragma import LOOP_DIRECTIVES, PARALLEL_DIRECTIVES, SECTIONS_DIRECTIVES

if TYPE_CHECKING:
    from .emit import Emitter


def cancel(e: Emitter, construct: Construct, info: ConstructInfo) -> list[cst.BaseStatement]:
    """``_omp_t.cancel('for')`` (with ``if_=`` for an ``if`` clause), or
    ``_omp_t.cancellation_point('for')``."""
    pragma = construct.pragma
    kind = pragma.name
    if pragma.directive == "cancellation point":
        return [e.statement(f"_omp_t.cancellation_point({kind!r})", pragma.pos.line)]
    condition = next((c for c in pragma.all("if") if c.modifier in (None, "cancel")), None)
    arguments = repr(kind) if condition is None else f"{kind!r}, if_=({condition.expr})"
    return [e.statement(f"_omp_t.cancel({arguments})", pragma.pos.line)]


def kinds(construct: Construct) -> tuple[str, ...]:
    """The kinds of cancellation a construct can be the target of."""
    directive = construct.directive
    found = []
    if directive in PARALLEL_DIRECTIVES:
        found.append("parallel")
    if directive in LOOP_DIRECTIVES:
        found.append("for")
    if directive in SECTIONS_DIRECTIVES:
        found.append("sections")
    return tuple(found)


def wrapped(
    e: Emitter, info: ConstructInfo, kind: str, body: Sequence[cst.BaseStatement], line: int
) -> list[cst.BaseStatement]:
    """``body``, inside ``with _omp_t.cancellable(kind):`` when the construct holds a
    cancel of that kind."""
    if kind not in info.cancel:
        return list(body)
    body = list(body)
    comments = e.take_comments(body, line)
    cancellable = cst.WithItem(cst.parse_expression(f"_omp_t.cancellable({kind!r})"))
    block = cst.With(items=[cancellable], body=e.block(body), leading_lines=comments)
    return [e.stamp(block, line)]


def loop_is_cancellable(e: Emitter, construct: Construct) -> bool:
    """Must the loop of ``construct`` look for a cancellation before each iteration?
    Yes when it holds a ``cancel for`` (``cancel sections``), or its region may be
    cancelled."""
    info = e.infos[construct]
    if info.cancel & {"for", "sections"}:
        return True
    regions = [c for c in (*info.around, construct) if c.directive in PARALLEL_DIRECTIVES]
    return bool(regions) and "parallel" in e.infos[regions[-1]].cancel


def extra_levels(e: Emitter, construct: Construct) -> int:
    """How many ``with`` blocks the construct's code adds around its body."""
    info = e.infos.get(construct)
    return 0 if info is None else len(info.cancel)
