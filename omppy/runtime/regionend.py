"""Whether a region's body returns right after the construct that calls here: the
barrier at the end of its last ``single`` or ``for`` is then the last thing a worker
does in the region, and it need not apply what that barrier brings.

A worker's state is discarded when its region ends (only the master's is the
program's), and the master applies and checks every thread's changes itself
(``Coherence.after_barrier``: every thread makes the same checks).  So a worker whose
body returns after the barrier (``_omp_out = _omp_sync_6.end(...)`` then ``return
_omp.locals()``, as the translator writes a region whose last statement is the
construct) skips unpickling and putting what the others changed: for a quicksort by
tasks, half a million floats the master sorted, on the way to the region's end
(docs/benchmarks.md, session 12).  Read off the body's bytecode after the call, once
per call site; anything but those few instructions (a statement after the construct,
a ``with`` or ``try`` around it, another Python's bytecode) says no.
"""

from __future__ import annotations

import dis
import sys
import types
from typing import Any

# Instructions that may stand between the call and the return (3.11-3.13): storing
# the call's result, loading ``_omp.locals`` and calling it, and no-ops.
_PASSING = frozenset(
    {"STORE_FAST", "POP_TOP", "PUSH_NULL", "PRECALL", "CALL", "CACHE", "NOP", "RESUME"}
)
# A region's body (``def _omp_parallel_<line>(_omp_t, ...)``, renamed after the
# user's function: lines.user_names) takes the thread first; so does a task's, where
# no barrier can stand.
THREAD_ARGUMENT = "_omp_t"
_seen: dict[tuple[types.CodeType, int], bool] = {}


def returns_after_call(depth: int = 2) -> bool:
    """Whether the frame ``depth`` levels up (the translated code that called the
    construct's method) is a region's body that returns right after this call."""
    frame: Any = sys._getframe(depth)
    code = frame.f_code
    if not code.co_argcount or code.co_varnames[0] != THREAD_ARGUMENT:
        return False  # (an orphaned construct: its function returns to more code)
    key = (code, frame.f_lasti)
    found = _seen.get(key)
    if found is None:
        found = _seen[key] = _returns_after(code, frame.f_lasti)
    return found


def _returns_after(code: types.CodeType, lasti: int) -> bool:
    for instruction in dis.get_instructions(code):
        if instruction.offset <= lasti:
            continue
        name = instruction.opname
        if name == "RETURN_VALUE":
            return True
        if name in _PASSING:
            continue
        if name == "LOAD_GLOBAL" and instruction.argval == "_omp":
            continue
        if name in ("LOAD_ATTR", "LOAD_METHOD") and instruction.argval == "locals":
            continue
        return False
    return False
