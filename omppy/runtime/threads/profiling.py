"""cProfile while a thread team runs on a free-threaded CPython: the master's thread only.

Since Python 3.12 cProfile receives its events through ``sys.monitoring``, whose
callbacks run in every thread of the interpreter.  Its profiler object is not
thread-safe where the GIL is off (CPython gh-116738, gh-125165): two threads of a team
recording at once corrupt its tree of entries, and the program then hangs (an endless
walk in ``RotatingTree_Get``, measured on 3.13.15t: about one run in six of five empty
regions) or crashes.  So, before a team starts on such a build with cProfile active,
its callbacks are wrapped to record the calls of one thread, the one that started the
team, and left wrapped while the profiler stays the same (the pooled workers run
Python code after their team ends too).  The profile then shows the master's part of
each region (thread 0 and its waits), as cProfile on a GIL build before 3.12 shows the
thread that enabled it.  A profiler enabled afterwards is wrapped at its first team.
"""

from __future__ import annotations

import _thread
import sys
from collections.abc import Callable
from typing import Any

TOOL = "cProfile"  # the name cProfile gives its sys.monitoring tool


def guard() -> None:
    """Make an active cProfile record the calling thread only (called by a team's
    master before its workers start, on builds without the GIL)."""
    monitoring = getattr(sys, "monitoring", None)
    if monitoring is None:
        return
    tool = monitoring.PROFILER_ID
    if monitoring.get_tool(tool) != TOOL:
        return
    start = monitoring.events.PY_START
    current = monitoring.register_callback(tool, start, None)
    monitoring.register_callback(tool, start, current)
    if current is None or getattr(current, "omppy_thread", None) is not None:
        return  # not recording calls, or wrapped already
    owner = _thread.get_ident()
    for event in _events(monitoring):
        callback = monitoring.register_callback(tool, event, None)
        if callback is not None:
            monitoring.register_callback(tool, event, _one_thread(callback, owner))


def _events(monitoring: Any) -> list[int]:
    """Every single event of ``sys.monitoring``."""
    events = monitoring.events
    return [
        value
        for name, value in vars(events).items()
        if name.isupper() and isinstance(value, int) and value and not value & (value - 1)
    ]


def _one_thread(callback: Callable[..., Any], owner: int) -> Callable[..., Any]:
    """``callback``, called for thread ``owner``'s events only."""
    get_ident = _thread.get_ident

    def filtered(*args: Any) -> Any:
        if get_ident() == owner:
            return callback(*args)
        return None

    filtered.omppy_thread = owner  # type: ignore[attr-defined]
    return filtered
