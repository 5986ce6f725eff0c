"""OpenMP's rules on ``cancel`` and ``cancellation point``, checked by the survey
before anything is rewritten.

A cancel is closely nested in the construct it cancels (``parallel``, ``for``,
``sections``), which then cannot have what a cancel would break (``nowait``,
``ordered``); ``cancel taskgroup`` stands directly in a task that belongs to a
taskgroup.  Each rule raises a :class:`PragmaError` that says what to write instead.
"""

from __future__ import annotations

from .checks import at as _at
from .checks import error
from .model import Construct
from .pragma import (
    LOOP_DIRECTIVES,
    PARALLEL_DIRECTIVES,
    SECTIONS_DIRECTIVES,
    TASK_DIRECTIVES,
    TASKLOOP_DIRECTIVES,
)

# The constructs that 'cancel <kind>' may cancel.
_CANCELLED_BY = {
    "parallel": PARALLEL_DIRECTIVES,
    "for": LOOP_DIRECTIVES,
    "sections": SECTIONS_DIRECTIVES,
}


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
            hint="remove 'nowait' from the sections",
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
