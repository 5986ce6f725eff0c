"""The runtime API that translated programs call (documented in docs/runtime-api.md).

``omppy translate`` writes code against exactly these names, imported as ``_omp``:

- :func:`parallel` runs an outlined region body on a team (of forked processes, or
  of threads: ``backend.py`` chooses).
- :func:`iteration_space` materialises a loop's iterable once (and collapses nests).
- :func:`thread` is the calling thread's context (``_omp_t`` inside a region), whose
  ``loop``, ``workshare``, ``barrier``, ``store`` and ``update`` methods implement
  work-sharing loops, barriers and stores on shared objects.
- :class:`Attr` marks an attribute step in a store path.
"""

from __future__ import annotations

import builtins
from typing import Any

from . import state
from .backend import parallel
from .errors import OmpError, RemoteTraceback, TeamAborted, WorkerDied, WorkerException
from .paths import Attr
from .schedule import iteration_space
from .thread import ThreadContext
from .unbound import UNBOUND
from .workshare import Workshare

# The builtins themselves, for the generated code: a program may bind the names
# ``locals`` and ``globals`` to something else.  They read the calling frame.
locals = builtins.locals
globals = builtins.globals

__all__ = [
    "UNBOUND",
    "Attr",
    "OmpError",
    "RemoteTraceback",
    "TeamAborted",
    "ThreadContext",
    "WorkerDied",
    "WorkerException",
    "Workshare",
    "adopt",
    "bound",
    "globals",
    "iteration_space",
    "locals",
    "parallel",
    "thread",
]


def adopt(current: Any, fresh: Any) -> Any:
    """The value a refreshed name takes: ``fresh`` itself.

    Published values arrive as the receiving process's own objects (a shared object
    by its token, see replica.py), so nothing is merged; the function stays for
    translations made by older versions of omppy.
    """
    return fresh


def bound(
    local_names: dict[str, Any], global_names: dict[str, Any], names: tuple[str, ...]
) -> dict[str, Any]:
    """The entries of ``names`` that are bound, locals first (like a name lookup)."""
    found = {}
    for name in names:
        if name in local_names:
            found[name] = local_names[name]
        elif name in global_names:
            found[name] = global_names[name]
    return found


def thread() -> ThreadContext:
    """The calling thread's context (for orphaned constructs)."""
    return state.current()
