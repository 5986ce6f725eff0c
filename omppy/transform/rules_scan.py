"""OpenMP's rules on ``scan``, checked by the survey before anything is rewritten.

A loop with ``reduction(inscan, ...)`` has one ``scan`` directly in its body, which
lists the same names; the loop is scheduled statically, without ``ordered`` or
``nowait``; no value but the reductions flows from its input phase to its scan phase,
and no ``continue`` skips the scan (omppy runs the two phases in two passes).  Each
rule raises a :class:`PragmaError` that says what to write instead.
"""

from __future__ import annotations

from collections.abc import Sequence
from collections.abc import Set as AbstractSet

import libcst as cst

from .checks import at as _at
from .checks import error
from .model import Construct
from .pragma import LOOP_DIRECTIVES
from .walk import walk


def scan_loop(
    construct: Construct, inner_body: Sequence[object], filename: str
) -> Construct | None:
    """A loop with ``reduction(inscan, ...)``: the one ``scan`` directly in its body,
    which lists the same names.  Returns that scan (None for a loop without inscan)."""
    pragma = construct.pragma
    inscan = [n for c in pragma.all("reduction") if c.modifier == "inscan" for n in c.names]
    scans = [i for i in inner_body if isinstance(i, Construct) and i.directive == "scan"]
    if not inscan:
        if scans:
            raise error(
                filename,
                _at(scans[0].pragma),
                "'# omp scan' needs a loop with reduction(inscan, op: names)",
                hint=f"write reduction(inscan, +: ...) on the loop (line {pragma.pos.line})",
            )
        return None
    if not scans:
        raise error(
            filename,
            _at(pragma),
            "a loop with reduction(inscan, ...) needs '# omp scan inclusive(...)' or "
            "'# omp scan exclusive(...)' directly in its body",
            hint="the scan splits each iteration into the part that adds to the "
            "reduction and the part that reads its prefix",
        )
    if len(scans) > 1:
        raise error(
            filename,
            _at(scans[1].pragma),
            "a loop takes one '# omp scan'",
            hint="keep one '# omp scan' in the loop's body",
        )
    scan = scans[0]
    modes = [c for c in scan.pragma.clauses if c.name in ("inclusive", "exclusive")]
    if len(modes) != 1:
        raise error(
            filename,
            _at(scan.pragma),
            "'# omp scan' takes one clause: inclusive(names) or exclusive(names)",
            hint="write '# omp scan inclusive(x)' or '# omp scan exclusive(x)'",
        )
    if sorted(modes[0].names) != sorted(inscan):
        raise error(
            filename,
            (modes[0].pos.line, modes[0].pos.col),
            f"'# omp scan {modes[0].name}' must list the loop's inscan reductions: "
            f"{', '.join(inscan)}",
            hint=f"write '# omp scan {modes[0].name}({', '.join(inscan)})'",
        )
    schedule = pragma.clause("schedule")
    if schedule is not None and (schedule.kind not in ("static", "auto") or schedule.expr):
        raise error(
            filename,
            (schedule.pos.line, schedule.pos.col),
            "a loop with a scan is scheduled statically: each thread takes one block of "
            "iterations, in order, and adds its part to the blocks before it",
            hint="drop the schedule clause",
        )
    why = {
        "ordered": "its iterations run in two passes, input phases first",
        "nowait": "the threads hand each other their blocks' totals before the scan "
        "phases, and the reduction is combined at the loop's end",
    }
    for clause in ("ordered", "nowait"):
        found = pragma.clause(clause)
        if found is not None:
            raise error(
                filename,
                (found.pos.line, found.pos.col),
                f"a loop with a scan cannot have '{clause}' ({why[clause]})",
                hint=f"drop '{clause}'",
            )
    return scan


def stray_scan(construct: Construct, stack: list[Construct], filename: str) -> None:
    """A ``scan`` that is not directly in a loop body: the loop would not see it."""
    loop = stack[-1] if stack else None
    if loop is None or loop.directive not in LOOP_DIRECTIVES | {"simd"}:
        raise error(
            filename,
            _at(construct.pragma),
            "'# omp scan' must stand directly in the body of a loop with "
            "reduction(inscan, ...)",
            hint="put it directly in the body of the loop that has reduction(inscan, ...)",
        )


def scan_phases(
    construct: Construct,
    bound_before: AbstractSet[str],
    read_after: dict[str, object],
    filename: str,
) -> None:
    """No value flows from a loop's input phase to its scan phase but the reductions:
    omppy runs the two phases in two passes (OpenMP forbids such a dependence too)."""
    for name, where in read_after.items():
        if name in bound_before:
            raise error(
                filename,
                where,  # type: ignore[arg-type]
                f"'{name}' is set in the loop's input phase and read in its scan phase; "
                "omppy runs the input phases of all iterations before the scan phases "
                "(OpenMP forbids this dependence)",
                hint="compute it again in the scan phase, or store it by iteration "
                f"('{name}s[i] = ...')",
            )


def no_continue(statement: cst.CSTNode, filename: str, positions: object) -> None:
    """No ``continue`` in the body of a scan loop leaves an iteration between its
    phases (it would skip the scan)."""

    class Finder(cst.CSTVisitor):
        def __init__(self) -> None:
            self.depth = 0
            self.found: cst.Continue | None = None

        def visit_For(self, node: cst.For) -> None:
            self.depth += 1

        def leave_For(self, node: cst.For) -> None:
            self.depth -= 1

        def visit_While(self, node: cst.While) -> None:
            self.depth += 1

        def leave_While(self, node: cst.While) -> None:
            self.depth -= 1

        def visit_FunctionDef(self, node: cst.FunctionDef) -> bool:
            return False

        def visit_Continue(self, node: cst.Continue) -> None:
            if not self.depth and self.found is None:
                self.found = node

    finder = Finder()
    walk(statement, finder)
    if finder.found is not None:
        where = positions[finder.found]  # type: ignore[index]
        raise error(
            filename,
            where,
            "'continue' cannot skip the rest of an iteration of a loop with a scan: the "
            "iteration's input and scan phases run in two passes",
            hint="use 'if' around the statements to skip instead",
        )
