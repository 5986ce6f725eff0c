"""Which thread of which team the running code is: the process's context stack.

The outermost entry is a team of one (the initial thread).  Entering a region pushes
the thread's context; the translated code and the ``omp_*`` routines read the top.
After ``fork`` a worker's stack is a copy of its master's plus its own entry.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .thread import ThreadContext

stack: list[ThreadContext] = []


def current() -> ThreadContext:
    """The context of the innermost construct this process is running."""
    if not stack:
        from .thread import ThreadContext

        stack.append(ThreadContext.initial())
    return stack[-1]
