"""OpenMP's rules on the constructs of docs/pragmas.md beyond regions, work shares and
synchronisation blocks, checked by the survey before anything is rewritten.

``cancel`` and ``cancellation point`` must be closely nested in the construct they
cancel (``taskgroup``: in a task, itself in a taskgroup); ``scan`` stands directly in
the body of a loop with ``inscan`` reductions; a doacross ``ordered`` in a loop with
``ordered(n)``; a ``loop`` construct (or one with ``order(concurrent)``) holds no
synchronisation; ``threadprivate`` declares module globals; a ``reduction`` names a
known operator; ``error at(compilation)`` stops the translation (or warns).  Each rule
raises a :class:`PragmaError` that says what to write instead.
"""

from __future__ import annotations

import ast
import builtins
import warnings
from collections.abc import Sequence
from collections.abc import Set as AbstractSet

import libcst as cst

from .checks import error
from .diagnostics import DirectiveWarning, PragmaError, did_you_mean
from .model import Construct
from .pragma import (
    LOOP_DIRECTIVES,
    PARALLEL_DIRECTIVES,
    REDUCTION_OPERATORS,
    SECTIONS_DIRECTIVES,
    TASK_DIRECTIVES,
    TASKLOOP_DIRECTIVES,
    Pragma,
)
from .walk import walk

_BUILTINS = frozenset(dir(builtins))
# What may stand in a 'loop' region or an order(concurrent) one (OpenMP 5.2, 11.7 and
# 10.3), besides combined constructs that start with 'parallel'.
_CONCURRENT_ALLOWED = frozenset({"for", "simd", "atomic", "parallel", "parallel for"})
# The constructs that 'cancel <kind>' may cancel.
_CANCELLED_BY = {
    "parallel": PARALLEL_DIRECTIVES,
    "for": LOOP_DIRECTIVES,
    "sections": SECTIONS_DIRECTIVES,
}


def _at(pragma: Pragma) -> tuple[int, int]:
    return pragma.pos.line, pragma.pos.col


def cancel_target(
    construct: Construct, stack: list[Construct], filename: str, scope_kind: str = "function"
) -> Construct:
    """The construct a ``cancel``/``cancellation point`` cancels (closely nested); for
    ``taskgroup``, the task whose body it leaves.  ``scope_kind``: where the
    constructs stand ('module', 'function', 'class')."""
    pragma = construct.pragma
    kind = pragma.name or ""
    shown = f"'# omp {pragma.directive} {kind}'"
    if kind == "taskgroup":
        return _cancelled_task(construct, stack, filename, scope_kind)
    enclosing = list(reversed(stack))
    if kind == "sections" and enclosing and enclosing[0].directive == "section":
        enclosing = enclosing[1:]  # a cancel in a section cancels its sections
    target = enclosing[0] if enclosing else None
    if target is None or target.directive not in _CANCELLED_BY[kind]:
        where = f"'# omp {target.pragma.shown}'" if target is not None else "no construct"
        found = f"it is in {where}" if target is not None else "it is in no construct here"
        raise error(
            filename,
            _at(pragma),
            f"{shown} must be closely nested in the '# omp {kind}' construct it cancels; "
            f"{found}",
            hint="OpenMP allows no construct in between, and omppy needs the cancelled "
            "construct in the same function (a cancel in a called function is refused)",
        )
    if kind == "for":
        for clause in ("nowait", "ordered"):
            found_clause = target.pragma.clause(clause)
            if found_clause is not None:
                raise error(
                    filename,
                    (found_clause.pos.line, found_clause.pos.col),
                    f"a loop that can be cancelled cannot have '{clause}' (OpenMP forbids "
                    f"it: {_WHY[clause]})",
                    hint=f"{shown} is at line {pragma.pos.line}",
                )
    nowait = target.pragma.clause("nowait")
    if kind == "sections" and nowait is not None:
        raise error(
            filename,
            (nowait.pos.line, nowait.pos.col),
            "sections that can be cancelled cannot have 'nowait' (OpenMP forbids it: "
            f"{_WHY['nowait']})",
        )
    return target


def _cancelled_task(
    construct: Construct, stack: list[Construct], filename: str, scope_kind: str
) -> Construct:
    """``cancel taskgroup`` stands directly in a task (OpenMP 5.2, 16.1), and the task
    is in a taskgroup: one around it in the function, or the implicit one of a
    taskloop; a parallel region in between, or none at a module's top level, leaves
    it in none.  A task in a function may be created inside a taskgroup of its caller:
    that is checked when it runs (omppy/runtime/cancel.py)."""
    pragma = construct.pragma
    shown = f"'# omp {pragma.directive} taskgroup'"
    enclosing = list(reversed(stack))
    target = enclosing[0] if enclosing else None
    if target is None or target.directive not in TASK_DIRECTIVES:
        where = f"'# omp {target.pragma.shown}'" if target is not None else "no construct"
        found = f"it is in {where}" if target is not None else "it is in no construct here"
        raise error(
            filename,
            _at(pragma),
            f"{shown} must be closely nested in a '# omp task' or '# omp taskloop'; {found}",
            hint="it ends the task and cancels the taskgroup the task belongs to; OpenMP "
            "allows no construct in between, and omppy needs the task in the same function "
            "(a cancel in a called function is refused)",
        )
    for outer in enclosing:
        if outer.directive == "taskgroup" or (
            outer.directive in TASKLOOP_DIRECTIVES and outer.pragma.clause("nogroup") is None
        ):
            return target
        if outer.directive in PARALLEL_DIRECTIVES:
            raise error(
                filename,
                _at(pragma),
                f"{shown} is in a task that belongs to no taskgroup: the task is created in "
                f"the '# omp {outer.pragma.shown}' at line {outer.pragma.pos.line} with no "
                "'# omp taskgroup' around it",
                hint="put the code that creates the tasks in '# omp taskgroup' (inside the "
                "region): '# omp cancel taskgroup' ends the tasks of that group",
            )
    if scope_kind == "module":
        raise error(
            filename,
            _at(pragma),
            f"{shown} is in a task that belongs to no taskgroup",
            hint="put the code that creates the tasks in '# omp taskgroup': '# omp cancel "
            "taskgroup' ends the tasks of that group",
        )
    return target


_WHY = {
    "nowait": "the threads that left the construct early must meet the others at its end",
    "ordered": "a skipped iteration would never pass its turn",
}


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
        raise error(filename, _at(scans[1].pragma), "a loop takes one '# omp scan'")
    scan = scans[0]
    modes = [c for c in scan.pragma.clauses if c.name in ("inclusive", "exclusive")]
    if len(modes) != 1:
        raise error(
            filename,
            _at(scan.pragma),
            "'# omp scan' takes one clause: inclusive(names) or exclusive(names)",
        )
    if sorted(modes[0].names) != sorted(inscan):
        raise error(
            filename,
            (modes[0].pos.line, modes[0].pos.col),
            f"'# omp scan {modes[0].name}' must list the loop's inscan reductions: "
            f"{', '.join(inscan)}",
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


def concurrent(construct: Construct, stack: list[Construct], filename: str) -> None:
    """Nothing but loop, parallel, simd and atomic inside a ``loop`` construct or one
    with ``order(concurrent)``: their iterations may run in any order."""
    for outer in reversed(stack):
        if outer.directive in PARALLEL_DIRECTIVES and outer is not stack[-1]:
            return
        spelled = outer.pragma.shown
        if spelled in ("loop", "parallel loop") or outer.pragma.clause("order") is not None:
            if construct.directive in _CONCURRENT_ALLOWED:
                return
            reason = (
                f"'# omp {spelled}'"
                if spelled in ("loop", "parallel loop")
                else f"a loop with order(concurrent) ('# omp {spelled}')"
            )
            raise error(
                filename,
                _at(construct.pragma),
                f"'# omp {construct.pragma.shown}' cannot stand in {reason}: its iterations "
                "may run in any order, so only loop, parallel, simd and atomic constructs "
                "may be nested in it",
                hint="use '# omp for' (without order(concurrent)) for a loop that "
                "synchronises",
            )
        if outer.directive in PARALLEL_DIRECTIVES:
            return


def threadprivate(
    construct: Construct, scope: str, module_names: AbstractSet[str], filename: str
) -> None:
    pragma = construct.pragma
    if scope != "module":
        raise error(
            filename,
            _at(pragma),
            "'# omp threadprivate' declares module globals: it must stand at the top level "
            "of the module",
            hint="a function's local variables are each thread's own already",
        )
    for name in pragma.listed:
        if name not in module_names:
            raise error(
                filename,
                _at(pragma),
                f"threadprivate '{name}' is not a global of this module",
                hint=f"bind it at the top level before the directive: '{name} = ...'",
            )


def threadprivate_clauses(
    construct: Construct, threadprivate: AbstractSet[str], filename: str
) -> None:
    """A threadprivate name takes no data-sharing clause but ``copyin`` and
    ``copyprivate``; ``copyin`` takes threadprivate names only."""
    pragma = construct.pragma
    for clause in pragma.clauses:
        if clause.name == "copyin":
            for name in clause.names:
                if name not in threadprivate:
                    raise error(
                        filename,
                        (clause.pos.line, clause.pos.col),
                        f"copyin({name}): '{name}' is not threadprivate",
                        hint=f"declare it at the module's top level: "
                        f"'# omp threadprivate({name})'",
                    )
        elif clause.name in ("private", "firstprivate", "lastprivate", "shared", "reduction",
                             "linear"):
            for name in clause.names:
                if name in threadprivate:
                    raise error(
                        filename,
                        (clause.pos.line, clause.pos.col),
                        f"'{name}' is threadprivate: it cannot be in '{clause.name}'",
                        hint="each thread has its own already; copyin and copyprivate "
                        "are the clauses for it",
                    )


def linear_loop_variables(
    construct: Construct, loop_vars: AbstractSet[str], filename: str
) -> None:
    """A work-shared loop's own variables are not in its ``linear`` clause: each is
    bound by the loop (it would be read before the loop, where it has no value)."""
    for clause in construct.pragma.all("linear"):
        own = next((n for n in clause.names if n in loop_vars), None)
        if own is not None:
            raise error(
                filename,
                (clause.pos.line, clause.pos.col),
                f"'{own}' is the loop's own variable, linear already: it cannot be in "
                "'linear'",
                hint="remove it from the clause; 'linear' is for other variables that "
                "grow by a step each iteration",
            )


def reduction_operators(
    construct: Construct, declared: AbstractSet[str], visible: AbstractSet[str], filename: str
) -> None:
    """A reduction's operator is built in, declared in this file, or a function that
    the construct can name."""
    for clause in construct.pragma.all("reduction"):
        op = clause.op or "+"
        if op in REDUCTION_OPERATORS or op in declared:
            continue
        root = op.split(".")[0]
        if root in visible or root in _BUILTINS:
            continue
        choices = [*REDUCTION_OPERATORS, *sorted(declared)]
        raise error(
            filename,
            (clause.pos.line, clause.pos.col),
            f"unknown reduction operator '{op}'{did_you_mean(op, choices)}",
            hint="operators: + - * & | ^ and or min max, a name from '# omp declare "
            "reduction' in this file, or a function of two arguments",
        )


def error_directive(construct: Construct, filename: str) -> None:
    """``error`` at compilation (its default): stop the translation, or warn."""
    pragma = construct.pragma
    at = pragma.clause("at")
    if at is not None and at.kind == "execution":
        return
    message_clause = pragma.clause("message")
    message = "'# omp error' directive"
    if message_clause is not None:
        assert message_clause.expr is not None
        try:
            message = str(ast.literal_eval(message_clause.expr))
        except (ValueError, SyntaxError):
            where = message_clause.expr_pos or pragma.pos
            raise error(
                filename,
                (where.line, where.col),
                "the message of a compile-time error must be a string literal",
                hint="write message('...'), or at(execution) to compute it at run time",
            ) from None
    severity = pragma.clause("severity")
    if severity is not None and severity.kind == "warning":
        warnings.warn_explicit(message, DirectiveWarning, filename, pragma.pos.line)
        return
    raise PragmaError(
        f"error: {message}", filename=filename, line=pragma.pos.line, col=pragma.pos.col
    )


def tile(construct: Construct, filename: str) -> None:
    """``tile sizes(a, b)`` applies to a nest of as many perfectly nested loops."""
    pragma = construct.pragma
    sizes = pragma.clause("sizes")
    if sizes is None:
        raise error(filename, _at(pragma), "'# omp tile' needs sizes(...)",
                    hint="for example '# omp tile sizes(8, 8)'")
    loop = construct.body[0]
    for level in range(2, len(sizes.exprs) + 1):
        assert isinstance(loop, cst.For)
        body = loop.body.body if isinstance(loop.body, cst.IndentedBlock) else []
        if len(body) != 1 or not isinstance(body[0], cst.For):
            raise error(
                filename,
                _at(pragma),
                f"sizes({', '.join(sizes.exprs)}) tiles {len(sizes.exprs)} perfectly nested "
                f"loops, but level {level} is not a for loop alone in the loop above it",
            )
        loop = body[0]


def visible_names(*groups: AbstractSet[str]) -> frozenset[str]:
    found: set[str] = set()
    for group in groups:
        found |= group
    return frozenset(found)


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
            )
        if not isinstance(loop.target, cst.Name):
            raise error(
                filename,
                _at(pragma),
                f"the loops of a doacross nest take one variable each; level {level} has "
                f"'{cst.Module(body=[]).code_for_node(loop.target)}'",
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
            )
        used = {n.value for n in _names_in(call)}
        if used & outer:
            raise error(
                filename,
                _at(pragma),
                f"ordered({depth}) needs a rectangular loop nest, but level {level}'s range "
                f"uses '{sorted(used & outer)[0]}' from an enclosing loop",
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
