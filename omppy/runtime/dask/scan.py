"""What a region's body does, read from its bytecode before the region runs.

A task shares no memory, lock or barrier with the others, so a region runs on the
dask backend only when its threads need none: its body is a ``parallel for``'s loop
(``_omp_t.loop``), or a ``parallel`` region's code around at most one ``for``
(``_omp_t.workshare``) after whose barrier only the translator's bookkeeping runs.
Everything else is found here, with its line, and refused before anything runs:
the translator calls every construct as a method of ``_omp_t`` (or a function of
``_omp``), so a load of that attribute is the construct.  Constructs inside the
functions the body calls (orphaned ones) are refused when a task reaches them
(``context.py``).
"""

from __future__ import annotations

import dis
import types
from dataclasses import dataclass, field
from typing import Any

from ..errors import OmpError

THREAD = "_omp_t"
RUNTIME = "_omp"
# ``_omp_t`` methods, and the construct each stands for.
REFUSED_METHODS = {
    "critical": "critical",
    "atomic": "atomic",
    "ordered": "ordered",
    "single": "single",
    "master": "master (or masked)",
    "barrier": "barrier",
    "barrier_refresh": "barrier",
    "exchange": "barrier",
    "cancel": "cancel",
    "cancellation_point": "cancellation point",
    "cancellable": "cancel",
    "doacross_wait": "ordered depend (doacross)",
    "doacross_post": "ordered depend (doacross)",
}
REFUSED_FUNCTIONS = {
    "parallel": "parallel (nested)",
    "task": "task",
    "taskwait": "taskwait",
    "taskgroup": "taskgroup",
    "taskloop": "taskloop",
    "taskyield": "taskyield",
    "scan": "scan",
    "threadprivate": "threadprivate",
}
LOCK_ROUTINES = frozenset(
    {"omp_set_lock", "omp_test_lock", "omp_set_nest_lock", "omp_test_nest_lock"}
)
_ATTRIBUTE_LOADS = frozenset({"LOAD_ATTR", "LOAD_METHOD"})
_NAME_LOADS = frozenset(
    {"LOAD_FAST", "LOAD_FAST_CHECK", "LOAD_DEREF", "LOAD_GLOBAL", "LOAD_NAME"}
)


@dataclass
class Shape:
    """The form of a region body: ``combined`` (a ``parallel for``) or a region."""

    combined: bool
    loop_line: int | None = None
    refused: list[tuple[str, int]] = field(default_factory=list)


_shapes: dict[types.CodeType, Shape] = {}


def shape_of(body: Any) -> Shape:
    code = body.__code__
    shape = _shapes.get(code)
    if shape is None:
        shape = _shapes[code] = _scan(code)
    return shape


def refuse(shape: Shape, filename: str) -> None:
    """Raise the OmpError naming the first construct the backend cannot run."""
    if not shape.refused:
        return
    construct, line = shape.refused[0]
    raise OmpError(refusal(construct, f"{filename}:{line}"))


def refusal(construct: str, where: str) -> str:
    return (
        f"'# omp {construct}' at {where} cannot run on the dask backend: its tasks run in "
        "separate processes that share no memory, locks or barriers, so only a "
        "'parallel for' (or a 'parallel' region whose work is one 'for') can be sent to "
        "a cluster. Run this program on the fork backend (omppy run --backend fork, "
        "OMPPY_BACKEND=fork), or keep the construct out of the regions sent to the cluster"
    )


def _scan(code: types.CodeType) -> Shape:
    instructions = list(dis.get_instructions(code))
    shape = Shape(combined=False)
    loops: list[int] = []
    workshares: list[tuple[int, int]] = []  # (instruction index, line)
    for index, ins in enumerate(instructions):
        line = _line(ins, code.co_firstlineno)
        owner = _owner(instructions, index)
        if ins.opname in _ATTRIBUTE_LOADS:
            if owner == THREAD:
                if ins.argval in REFUSED_METHODS:
                    shape.refused.append((REFUSED_METHODS[ins.argval], line))
                elif ins.argval == "loop":
                    loops.append(line)
                elif ins.argval == "workshare":
                    workshares.append((index, line))
            elif owner == RUNTIME and ins.argval in REFUSED_FUNCTIONS:
                shape.refused.append((REFUSED_FUNCTIONS[ins.argval], line))
        if _is_lock_routine(ins):
            shape.refused.append(("lock routines (omp_set_lock...)", line))
    for const in code.co_consts:
        if isinstance(const, types.CodeType):
            _scan_nested(const, shape)
    if len(loops) + len(workshares) > 1:
        lines = sorted([*loops, *(line for _, line in workshares)])
        shape.refused.append(("for (a second work-sharing loop in one region)", lines[1]))
    elif loops:
        shape.combined = True
        shape.loop_line = loops[0]
    elif workshares:
        shape.loop_line = workshares[0][1]
        after = _code_after_barrier(
            instructions, workshares[0][0], code.co_firstlineno, code.co_consts
        )
        if after is not None:
            shape.refused.append(("for (followed by code that runs after its barrier)", after))
    shape.refused.sort(key=lambda found: found[1])
    return shape


def _scan_nested(code: types.CodeType, shape: Shape) -> None:
    """A function defined in the body: every construct in it is refused."""
    instructions = list(dis.get_instructions(code))
    for index, ins in enumerate(instructions):
        line = _line(ins, code.co_firstlineno)
        if ins.opname in _ATTRIBUTE_LOADS:
            owner = _owner(instructions, index)
            if owner == THREAD:
                construct = REFUSED_METHODS.get(ins.argval)
                if construct is None and ins.argval in ("loop", "workshare"):
                    construct = "for (in a function defined in the region)"
                if construct is not None:
                    shape.refused.append((construct, line))
            elif owner == RUNTIME and ins.argval in REFUSED_FUNCTIONS:
                shape.refused.append((REFUSED_FUNCTIONS[ins.argval], line))
        if _is_lock_routine(ins):
            shape.refused.append(("lock routines (omp_set_lock...)", line))
    for const in code.co_consts:
        if isinstance(const, types.CodeType):
            _scan_nested(const, shape)


def _is_lock_routine(ins: dis.Instruction) -> bool:
    return (
        ins.opname in _ATTRIBUTE_LOADS or ins.opname in _NAME_LOADS
    ) and ins.argval in LOCK_ROUTINES


def _owner(instructions: list[dis.Instruction], index: int) -> str | None:
    """The name loaded just before instruction ``index`` (its attribute's owner)."""
    if index == 0:
        return None
    before = instructions[index - 1]
    if before.opname in _NAME_LOADS:
        return str(before.argval)
    if before.opname in ("LOAD_FAST_LOAD_FAST", "STORE_FAST_LOAD_FAST"):
        return str(before.argval[-1])  # 3.13: two locals in one instruction
    return None


def _line(ins: dis.Instruction, default: int) -> int:
    positions = ins.positions
    return positions.lineno if positions is not None and positions.lineno else default


def _code_after_barrier(
    instructions: list[dis.Instruction], start: int, first_line: int, consts: tuple[Any, ...] = ()
) -> int | None:
    """The line of user code that runs after the barrier ending the region's ``for``.

    The translator's bookkeeping after the construct's ``end`` (taking its results,
    returning ``locals()``) is compiled at the ``for``'s lines or the region's own;
    a statement after the loop has a line of its own below the loop.  A ``nowait``
    ``for`` has no barrier: what follows it is the thread's own business.
    """
    variable = None
    nowait = False
    for ins in instructions[start:]:
        if ins.opname in ("STORE_FAST", "STORE_DEREF"):
            variable = ins.argval
            break
        if ins.opname in ("STORE_FAST_LOAD_FAST", "STORE_FAST_STORE_FAST"):  # 3.13
            variable = ins.argval[0]
            break
        if isinstance(ins.argval, tuple) and "nowait" in ins.argval:
            nowait = True
        elif ins.opname == "KW_NAMES" and isinstance(ins.arg, int) and ins.arg < len(consts):
            # 3.11's dis leaves KW_NAMES unresolved: the names are a constant.
            names = consts[ins.arg]
            nowait = nowait or (isinstance(names, tuple) and "nowait" in names)
    if variable is None or nowait:
        return None
    end = None
    for index in range(start, len(instructions)):
        ins = instructions[index]
        if (
            ins.opname in _ATTRIBUTE_LOADS
            and ins.argval == "end"
            and _owner(instructions, index) == variable
        ):
            end = index
            break
    if end is None:
        return None
    loop_lines = [_line(ins, first_line) for ins in instructions[start:end]]
    last = max(loop_lines, default=first_line)
    for ins in instructions[end:]:
        line = _line(ins, first_line)
        if line > last:
            return line
    return None
