"""Emitting loops with ``reduction(inscan, ...)`` and their ``# omp scan``.

The ``scan`` directive splits each iteration into an *input phase*, which adds the
iteration's part to the reduction variables, and a *scan phase*, which reads their
prefix: with ``inclusive`` the input phase comes first, with ``exclusive`` second.
The loop runs in two passes over this thread's block of iterations (scan.py):

    _omp_scan_5 = _omp.scan(_omp_t, _omp_items, {'total': ('+', ...)}, inclusive=True)
    for i in _omp_scan_5.inputs():        # the input phases, in order
        total = _omp_scan_5.identity()
        total += a[i]
        _omp_scan_5.keep(total)
    for i in _omp_scan_5.scans():         # the team adds up its blocks, then
        total = _omp_scan_5.prefix()      # the scan phases see their prefix
        out[i] = total
    total = _omp_scan_5.partial()         # this thread's part of the reduction

In a ``simd`` loop (one thread, in order) the directive changes nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import libcst as cst

from . import emit_declare, emit_worksharing
from .layout import call
from .model import Construct, ConstructInfo
from .pragma import LOOP_DIRECTIVES

if TYPE_CHECKING:
    from .emit import Emitter, Updated


def marker(e: Emitter, construct: Construct, info: ConstructInfo) -> list[cst.BaseStatement]:
    """Where the scan stands in its loop's body: a placeholder the loop's emission
    splits the body at (and drops)."""
    loop = info.around[-1] if info.around else None
    if loop is None or loop.directive not in LOOP_DIRECTIVES:
        return []  # a simd loop runs in order: the scan is a no-op
    return [e.statement(_marker_code(loop), construct.pragma.pos.line)]


def _marker_code(loop: Construct) -> str:
    return f"_omp_scan_{loop.pragma.pos.line}"


def is_scan_loop(construct: Construct) -> bool:
    return any(c.modifier == "inscan" for c in construct.pragma.all("reduction"))


def loop(
    e: Emitter,
    construct: Construct,
    new_of: Updated,
    source: str,
    reduction: str,
) -> list[cst.BaseStatement]:
    """The two passes that stand for the loop (see the module docstring).

    ``reduction`` is the code of the ``{name: (op, original)}`` dict of the loop's
    inscan reductions.
    """
    pragma = construct.pragma
    line = pragma.pos.line
    first, nest = emit_worksharing.loop_nest(e, construct, new_of)
    header = emit_worksharing.loop_header(e, construct, nest, source)
    body = list(header.body.body) if isinstance(header.body, cst.IndentedBlock) else []
    code = _marker_code(construct)
    at = next(i for i, s in enumerate(body) if e.code(s).strip() == code)
    before, after = body[:at], body[at + 1 :]
    scan = next(c for c in _inner_constructs(e, construct) if c.directive == "scan")
    inclusive = scan.pragma.clause("inclusive") is not None
    input_phase, scan_phase = (before, after) if inclusive else (after, before)
    names = [n for c in pragma.all("reduction") for n in c.names]
    targets = ", ".join(names)
    values = ", ".join(names) + ("," if len(names) == 1 else "")
    scanner = f"_omp_scan_{line}"
    opener = call("_omp.scan", "_omp_t", "_omp_items", reduction, f"inclusive={inclusive}")
    out = [e.simple(f"{scanner} = ", opener, line, e.infos[construct])]
    loop_line = e.line_of(first, line)
    start = e.statement(f"{targets} = {scanner}.identity()", line)
    keep = e.statement(f"{scanner}.keep({values.rstrip(',')})", e.last_line(input_phase, line))
    prefix = e.statement(f"{targets} = {scanner}.prefix()", line)
    out.append(_pass(e, header, f"{scanner}.inputs()", [start, *input_phase, keep], loop_line))
    out.append(_pass(e, header, f"{scanner}.scans()", [prefix, *scan_phase], loop_line))
    out.append(e.statement(f"{targets} = {scanner}.partial()", e.last_line(scan_phase, line)))
    return out


def parallel_reduction(e: Emitter, construct: Construct) -> str:
    """The inscan reductions of a ``parallel for``, their originals handed in by the
    master as ``_omp_inscan`` (the region's own copies start from the identity)."""
    entries = [
        f"{n!r}: ({emit_declare.operator(e, c.op or '+')}, _omp_inscan[{n!r}])"
        for c in construct.pragma.all("reduction")
        for n in c.names
    ]
    return e.code(cst.parse_expression("{" + ", ".join(entries) + "}"))


def originals(construct: Construct) -> str:
    """``{'total': total}``: what the master hands a ``parallel for`` as ``_omp_inscan``."""
    names = [n for c in construct.pragma.all("reduction") for n in c.names]
    return "{" + ", ".join(f"{n!r}: {n}" for n in names) + "}"


def _pass(
    e: Emitter, header: cst.For, iterate: str, body: list[cst.BaseStatement], line: int
) -> cst.BaseStatement:
    loop = header.with_changes(
        iter=cst.parse_expression(iterate), body=e.block(body), leading_lines=()
    )
    return e.stamp(loop, line)


def _inner_constructs(e: Emitter, construct: Construct) -> list[Construct]:
    """The constructs whose innermost enclosing construct is ``construct``."""
    return [c for c, info in e.infos.items() if info.around and info.around[-1] is construct]


