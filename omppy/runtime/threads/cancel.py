"""Cancellation on the threads backend: ``cancel`` and ``cancellation point``.

The same rules as ``runtime/cancel.py`` (whose :class:`~omppy.runtime.cancel.Cancelled`,
scopes and draining this module reuses), with the marks kept in the team instead of
an arena: ``cancel parallel`` sets the team's ``cancelled`` flag, ``cancel for`` and
``cancel sections`` the loop's :class:`~.team.Record` (whose chunk counter then hands
out nothing more), ``cancel taskgroup`` the task's :class:`~.taskqueue.Group` (whose
tasks not started are then discarded: ``tasks.py``).  Every thread looks at the
first two before each iteration of a cancellable loop and after each barrier.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from .. import cancel, schedule
from ..cancel import CANCELLED, Cancelled, CancelScope
from ..icv import icv
from . import taskqueue
from .taskstate import state_of

if TYPE_CHECKING:
    from .context import ThreadedContext
    from .team import Record


class ThreadedCancelScope(CancelScope):
    """A construct that may be cancelled, as one thread of a thread team runs it."""

    thread: ThreadedContext

    def __init__(self, thread: ThreadedContext, kind: str) -> None:
        super().__init__(thread, kind)
        self.record: Record | None = None  # the loop's record (for, sections)
        self.task_group: taskqueue.Group | None = None  # taskgroup: the task's group

    def __enter__(self) -> ThreadedCancelScope:
        if self.kind == "taskgroup":
            # The body of the task now on top of the thread's stack of tasks; its
            # group is what a 'cancel taskgroup' in it cancels.
            self.task_group = state_of(self.thread).frames[-1].group
            self.group = self.task_group  # type: ignore[assignment]  # None: in no taskgroup
        self.thread.cancel_scopes.append(self)
        return self

    def cancelled(self) -> bool:
        thread = self.thread
        if self.kind == "taskgroup":  # in a team of one too: a child task may cancel
            return taskqueue.cancelled(self.task_group)
        if thread.size == 1:
            return False  # the one thread that could cancel it has left it
        if self.kind == "parallel":
            return thread.team.cancelled
        return self.record is not None and self.record.cancelled


def cancel_construct(thread: ThreadedContext, kind: str, if_: Any) -> None:
    """``# omp cancel <kind> [if(...)]``: mark the construct cancelled and leave it."""
    scope = cancel._scope(thread, kind)
    if not icv().cancellation:
        return
    if if_:
        if kind == "taskgroup":
            assert isinstance(scope, ThreadedCancelScope) and scope.task_group is not None
            scope.task_group.cancelled = True  # read by other threads without a lock
        elif thread.size > 1:
            if kind == "parallel":
                thread.team.cancelled = True
            else:
                record = getattr(scope, "record", None)
                if record is not None:
                    with record.lock:
                        record.cancelled = True
                        record.next = CANCELLED
        raise Cancelled(scope)
    if scope.cancelled():  # a cancel whose if is false is still a cancellation point
        raise Cancelled(scope)


def cancellation_point(thread: ThreadedContext, kind: str) -> None:
    """``# omp cancellation point <kind>``: leave the construct if it was cancelled."""
    scope = cancel._scope(thread, kind, "cancellation point")
    if icv().cancellation and scope.cancelled():
        raise Cancelled(scope)


def loop(
    thread: ThreadedContext, items: Sequence[Any], kind: str, chunk: int | None
) -> Iterator[Any]:
    """A work-sharing loop that stops when it (or its region) is cancelled; it takes
    a record even under a static schedule: the record holds ``cancel for``'s mark."""
    scopes = thread.cancel_scopes
    scope = scopes[-1] if scopes and scopes[-1].kind in ("for", "sections") else None
    if not isinstance(scope, ThreadedCancelScope) or scope.record is not None:
        scope = None  # already the scope of an earlier loop
    region = next((s for s in scopes if s.kind == "parallel"), None)
    team = thread.team
    record = team.enter_record(thread)
    if scope is not None:
        scope.record = record
    n = len(items)
    size, num = thread.size, thread.num
    try:
        chunks: Iterable[tuple[int, int]]
        if kind == "static":
            if chunk is None:
                start, stop = schedule.static_block(n, size, num)
                chunks = [(start, stop)] if stop > start else []
            else:
                chunks = [(s, min(s + chunk, n)) for s in range(num * chunk, n, size * chunk)]
            thread.did_last = bool(chunks) and chunks[-1][1] == n
        else:
            thread.did_last = False
            chunks = thread.chunks_of(record, n, kind == "guided", chunk or 1)
        for start, stop in chunks:
            thread.chunk_start = start
            for index in range(start, stop):
                if record.cancelled:
                    thread.did_last = False
                    return
                if region is not None and team.cancelled:
                    raise Cancelled(region)
                yield items[index]
    finally:
        team.leave_record(record)


def after_barrier(thread: ThreadedContext, payloads: Sequence[Any]) -> None:
    """A barrier is a cancellation point of the region (see ``runtime/cancel.py``)."""
    cancel.after_barrier(thread, payloads)
