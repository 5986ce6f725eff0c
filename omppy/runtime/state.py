"""Which thread of which team the running code is: the context stack.

The outermost entry is a team of one (the initial thread).  Entering a region pushes
the thread's context; the translated code and the ``omp_*`` routines read the top.
After ``fork`` a worker's stack is a copy of its master's plus its own entry.

The module-level :data:`stack` is the process's main thread's.  The threads backend
(``threads/``) gives each of its worker threads a stack of its own, kept in a
``threading.local``; until it starts one, :func:`current` reads :data:`stack` with no
thread-local lookup, so the fork backend pays nothing for it.
"""

from __future__ import annotations

import sys
import threading
from typing import TYPE_CHECKING, SupportsIndex

if TYPE_CHECKING:
    from .thread import ThreadContext


class _Stack(list["ThreadContext"]):
    """The main thread's stack: each push and pop also sets ``omppy.runtime.IDLE``."""

    __slots__ = ()

    def append(self, context: ThreadContext) -> None:
        list.append(self, context)
        recheck()

    def pop(self, index: SupportsIndex = -1) -> ThreadContext:
        context: ThreadContext = list.pop(self, index)
        recheck()
        return context


def recheck() -> None:
    """Set ``omppy.runtime.IDLE``: the initial thread's own context while it is the
    top of :data:`stack` and idle (``ThreadContext.idle``: no region, no task), else
    None.  The translated code of an orphaned construct binds its thread as
    ``_omp_t = _omp.IDLE or _omp.thread()``: outside regions, no call at all
    (docs/benchmarks.md, "Session 8: check").  Only the main stack counts, and
    :data:`thread_teams`: a worker thread of the threads backend runs code while its
    team is in that list (its master pops its own context before it waits for them);
    a forked worker pushes its own context here first."""
    top = stack[-1] if len(stack) == 1 and not thread_teams else None
    runtime = sys.modules.get(__package__ or "")
    if runtime is not None:
        runtime.IDLE = top if top is not None and top.idle else None  # type: ignore[attr-defined]


stack: list[ThreadContext] = _Stack()
thread_teams: list[object] = []  # the threads backend's teams running in this process


def team_runs(team: object, runs: bool) -> None:
    """A team of the threads backend starts (``runs``) or has ended: IDLE follows."""
    if runs:
        thread_teams.append(team)
    else:
        thread_teams.remove(team)
    recheck()


_local = threading.local()
threaded = False  # a worker thread of the threads backend exists in this process


def own_stack() -> list[ThreadContext]:
    """The calling thread's stack: a worker thread's own, else :data:`stack`."""
    if threaded:
        return getattr(_local, "stack", stack)
    return stack


def current() -> ThreadContext:
    """The context of the innermost construct the calling thread is running."""
    here = getattr(_local, "stack", stack) if threaded else stack
    if not here:
        from .thread import ThreadContext

        here.append(ThreadContext.initial())
    return here[-1]


def give_thread_a_stack() -> list[ThreadContext]:
    """Called by a worker thread when it starts: from now on it has a stack of its own."""
    global threaded
    threaded = True
    mine: list[ThreadContext] = []
    _local.stack = mine
    return mine
