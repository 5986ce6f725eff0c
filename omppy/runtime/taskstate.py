"""One thread's tasks on the fork backend, put together: :class:`TaskState` is
:class:`~.taskcore.TaskStateCore` (its data and small steps) with the steps of
creating (``taskhandoff.py``), running (``taskrun.py``) and waiting
(``taskwaiting.py``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .taskhandoff import Handing
from .taskrun import Running
from .taskwaiting import Waiting

if TYPE_CHECKING:
    from .thread import ThreadContext


class TaskState(Handing, Running, Waiting):
    """One thread's tasks: its stack of frames, its own queue, its side of the table."""


def state_of(thread: ThreadContext) -> TaskState:
    """``thread``'s tasks (made on first use)."""
    state = thread.tasks
    if state is None:
        state = thread.tasks = TaskState(thread)
    return state
