"""The runtime API that translated programs call (documented in docs/runtime-api.md).

``omppy translate`` writes code against exactly these names, imported as ``_omp``:

- :func:`parallel` runs an outlined region body on a team (of forked processes, or
  of threads: ``backend.py`` chooses).
- :func:`iteration_space` materialises a loop's iterable once (and collapses nests).
- :func:`thread` is the calling thread's context (``_omp_t`` inside a region), whose
  ``loop``, ``workshare``, ``barrier``, ``store`` and ``update`` methods implement
  work-sharing loops, barriers and stores on shared objects.
- :class:`Attr` marks an attribute step in a store path.
- :func:`refreshed` gives variables their newly published values after a barrier or
  on entering a synchronisation construct.
- :func:`task`, :func:`taskwait`, :func:`taskgroup`, :func:`taskloop` and
  :func:`taskyield` run explicit tasks (``tasks.py``, on the threads backend
  ``threads/tasks.py``); a translated module with task
  constructs calls :func:`uses_tasks` when it is imported.
"""

from __future__ import annotations

import builtins
import sys
from collections.abc import Callable
from typing import Any

from . import globalnames, observe, state
from .backend import parallel
from .cancel import Cancelled
from .declared import declare_reduction, reduce_with
from .depobj import depobj, depobj_destroy, depobj_items, depobj_update
from .errors import (
    ErrorDirective,
    OmpError,
    OmpWarning,
    RegionStateLost,
    RemoteTraceback,
    TeamAborted,
    TeamDeadlock,
    WorkerDied,
    WorkerException,
)
from .keynotes import keyed, keywords, merged, merging, tested, twin, twin_of
from .linear import linear
from .paths import Attr
from .private_globals import slots as threadprivate_slots
from .private_globals import threadprivate
from .scan import scan
from .schedule import iteration_space, nested_space, numbered
from .sync import RUNS
from .taskdeps import KEY
from .taskloop import check_team_reduction
from .thread import ThreadContext

# The task functions take the calling thread; each hands a thread of a thread team
# to the threads backend's tasks and any other to tasks.py (threads/tasks.py).
from .threads.tasks import (
    task,
    task_event,
    taskgroup,
    taskloop,
    taskwait,
    taskyield,
    uses_tasks,
)
from .unbound import UNBOUND
from .workshare import Workshare

observe.from_environment()  # OMPPY_TRACE, OMPPY_REPORT, OMPPY_PROGRESS (docs/tracing.md)

# The builtins themselves, for the generated code: a program may bind the names
# ``locals`` and ``globals`` to something else.  They read the calling frame.
locals = builtins.locals
globals = builtins.globals

__all__ = [
    "IDLE",
    "KEY",
    "KEYS",
    "RUNS",
    "UNBOUND",
    "Attr",
    "Cancelled",
    "ErrorDirective",
    "OmpError",
    "OmpWarning",
    "RegionStateLost",
    "RemoteTraceback",
    "TeamAborted",
    "TeamDeadlock",
    "ThreadContext",
    "WorkerDied",
    "WorkerException",
    "Workshare",
    "adopt",
    "bind_global",
    "bound",
    "check_team_reduction",
    "declare_reduction",
    "depobj",
    "depobj_destroy",
    "depobj_items",
    "depobj_update",
    "error",
    "globals",
    "iteration_space",
    "keyed",
    "keywords",
    "linear",
    "locals",
    "merged",
    "merging",
    "nested_space",
    "numbered",
    "parallel",
    "reduce_with",
    "refreshed",
    "scan",
    "task",
    "task_event",
    "taskgroup",
    "taskloop",
    "taskwait",
    "taskyield",
    "tested",
    "thread",
    "threadprivate",
    "threadprivate_slots",
    "twin",
    "twin_of",
    "uses_tasks",
    "warn_races",
    "with_globals",
]


def adopt(current: Any, fresh: Any, name: str = "") -> Any:
    """The value a refreshed name takes: ``fresh`` itself.

    Published values arrive as the receiving process's own objects (a shared object
    by its token, see replica.py), so nothing is merged.  ``name``: the refreshed
    name, a module global of the region's module for some regions (globalnames.py).
    """
    if name and globalnames.NAMES:
        globalnames.mirror(sys._getframe(1), {name: fresh}, _NONE)
    return fresh


def bind_global(name: str, value: Any) -> None:
    """``name``, a module global of the region's module that a synchronisation block
    just bound, bound in the module too, so that the functions the block calls next
    read the new value as in python (transform/global_binds.py, globalnames.py).  The
    translator emits it only in a region's body for its ``module_names``, which
    ``globalnames.mirror`` would bind alike: the frame's globals, directly."""
    sys._getframe(1).f_globals[name] = value


_NONE = object()  # no value (a published value may be anything, even None)


def refreshed(fresh: dict[str, Any], /, **current: Any) -> Any:
    """The variables passed by keyword, each refreshed from ``fresh`` if it is there.

    ``fresh`` holds newly published values by name (from a barrier, a work share's
    end, or a synchronisation block's ``fresh``); a name it has takes that value
    (:func:`adopt`), and the others keep their current value.  One name gives its
    value, several a tuple in the same order: ``x = refreshed(fresh, x=x)``,
    ``x, y = refreshed(fresh, x=x, y=y)``.
    """
    values = tuple(
        adopt(value, fresh[name]) if name in fresh else value for name, value in current.items()
    )
    if fresh and globalnames.NAMES:
        globalnames.mirror(sys._getframe(1), fresh, _NONE)
    return values[0] if len(values) == 1 else values


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


def error(message: Any, severity: str = "fatal") -> None:
    """``# omp error at(execution)``: raise :class:`ErrorDirective` with the message,
    or, with ``severity(warning)``, warn (:class:`OmpWarning`) and go on."""
    if severity == "warning":
        import warnings

        warnings.warn(str(message), OmpWarning, stacklevel=2)
        return
    raise ErrorDirective(str(message))


def with_globals(
    local_names: dict[str, Any], global_names: dict[str, Any], names: tuple[str, ...]
) -> dict[str, Any]:
    """A block's locals and the threadprivate globals ``names`` (a ``single`` that
    hands out a threadprivate variable with ``copyprivate``); ``global_names``: this
    thread's copies (``_omp_private.__dict__``)."""
    found = dict(local_names)
    found.update((n, global_names[n]) for n in names if n in global_names)
    return found


class OmpRaceWarning(UserWarning):
    """A statement the translator found likely to be a data race in parallel."""


def warn_races(found: tuple[tuple[int, str, str | None], ...]) -> None:
    """Warn, at the user's lines, about the likely races the translator found in the
    calling module (its generated code calls this once, when the module runs)."""
    import sys
    import warnings

    caller = sys._getframe(1).f_globals
    filename = caller.get("__file__") or "<unknown>"
    for line, message, hint in found:
        text = f"{message}; {hint}" if hint else message
        warnings.warn_explicit(text, OmpRaceWarning, filename, line, caller.get("__name__"))


# The calling thread's context (for orphaned constructs): state.current itself, not a
# wrapper, since a helper with an orphaned construct calls it on every call, also outside
# regions (docs/benchmarks.md, "code outside regions").
thread: Callable[[], ThreadContext] = state.current
# The initial thread's context while it runs no region and no task, else None
# (``state.recheck`` sets it at each push and pop of the main stack and each change of
# the initial context's ``idle``).  An orphaned construct binds its thread as
# ``_omp_t = _omp.IDLE or _omp.thread()``: outside regions, one module attribute read
# instead of a call (docs/benchmarks.md, "Session 8: check").
IDLE: ThreadContext | None = None
KEYS = False  # whether a block's key notes count now (keynotes.publish_switch)
state.recheck()
