"""A region's shared names that are its module's globals, kept bound in the module.

A region at module level (or in a function that declares the names ``global``) binds
its shared names as locals of its outlined body, and they reach the other threads by
name (published by synchronisation blocks, refreshed at barriers).  In python those
names are the module's globals, which the functions the region calls read: a
``single`` that rebinds ``field = field * 0.5`` is seen by ``probe(i)`` reading
``field``.  So the translator lists them (``parallel(..., module_names=...)``), and
each time the body's code takes a value of one (a block it leaves, a refresh) the
module's global is bound to it too, in the thread's own process (on the threads
backend, the one module every thread shares).
"""

from __future__ import annotations

from types import CodeType, FrameType
from typing import Any

# The outlined bodies' code -> their names that are module globals.
NAMES: dict[CodeType, frozenset[str]] = {}


def register(body: Any, names: tuple[str, ...]) -> None:
    code = getattr(body, "__code__", None)
    if code is not None and names:
        NAMES[code] = frozenset(names)


def mirror(
    frame: FrameType, values: dict[str, Any], unbound: Any, only: tuple[str, ...] | None = None
) -> None:
    """Bind the module globals of ``frame``'s region body that ``values`` has (of
    ``only``, the names a block publishes, when given)."""
    names = NAMES.get(frame.f_code)
    if not names:
        return
    home = frame.f_globals
    for name in names if only is None else names.intersection(only):
        value = values.get(name, unbound)
        if value is not unbound:
            home[name] = value
