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

import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .thread import ThreadContext

stack: list[ThreadContext] = []
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
