"""Emitting the constructs of docs/pragmas.md that are not a region, a work-sharing
loop or a synchronisation block: ``scope``, ``cancel`` and ``cancellation point``,
``threadprivate``, ``declare reduction``, ``error``, ``scan``, a doacross ``ordered``,
and the directives that leave their statements as they are.

- Accepted and changing nothing (docs/pragmas.md says why each): ``nothing``,
  ``assumes``, ``requires``, the ``allocate`` directive emit no code; ``assume``,
  ``allocators``, ``declare simd``, and the loops of ``simd``, ``tile`` and
  ``unroll`` are their statements, unchanged.
- ``scope``: every thread runs the block; it is a work share without a loop
  (``_omp_t.workshare(...)`` ... ``.end(...)``), for its reductions and barrier.
- The rest: ``emit_cancel.py``, ``emit_declare.py``, ``emit_scan.py``,
  ``emit_doacross.py``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import libcst as cst

from . import emit_cancel, emit_declare, emit_doacross, emit_scan, emit_worksharing
from .model import Construct, ConstructInfo
from .pragma import NO_OP_DIRECTIVES, PLAIN_BLOCK_DIRECTIVES, SEQUENTIAL_LOOP_DIRECTIVES

if TYPE_CHECKING:
    from .emit import Emitter, Updated

# The directives this module emits (and the doacross form of ``ordered``).
DIRECTIVES = (
    NO_OP_DIRECTIVES
    | PLAIN_BLOCK_DIRECTIVES
    | SEQUENTIAL_LOOP_DIRECTIVES
    | {
        "scope",
        "cancel",
        "cancellation point",
        "threadprivate",
        "declare reduction",
        "error",
        "scan",
        "ordered simd",
    }
)


def emit(
    e: Emitter, construct: Construct, info: ConstructInfo, new_of: Updated
) -> list[cst.BaseStatement]:
    directive = construct.directive
    if construct.pragma.is_doacross:
        return emit_doacross.ordered(e, construct, info)
    if directive in NO_OP_DIRECTIVES:
        return []
    if directive in PLAIN_BLOCK_DIRECTIVES | SEQUENTIAL_LOOP_DIRECTIVES | {"ordered simd"}:
        return e.items(construct.body, new_of)
    if directive == "scope":
        return scope(e, construct, info, new_of)
    if directive in ("cancel", "cancellation point"):
        return emit_cancel.cancel(e, construct, info)
    if directive == "threadprivate":
        return emit_declare.threadprivate(e, construct, info)
    if directive == "declare reduction":
        return emit_declare.reduction(e, construct, info)
    if directive == "error":
        return emit_declare.error(e, construct, info)
    assert directive == "scan", directive
    return emit_scan.marker(e, construct, info)


def scope(
    e: Emitter, construct: Construct, info: ConstructInfo, new_of: Updated
) -> list[cst.BaseStatement]:
    """Every thread runs the block; reductions are combined at its barrier."""
    pragma = construct.pragma
    line = pragma.pos.line
    ws = f"_omp_ws_{line}"
    out = emit_worksharing.start(e, ws, pragma, info)
    body = e.items(construct.body, new_of)
    comments = e.take_comments(body, line)
    out[0] = e.stamp(out[0].with_changes(leading_lines=comments), line)
    out.extend(body)
    out.extend(emit_worksharing.end(e, ws, pragma, info, e.last_line(body, line)))
    return out
