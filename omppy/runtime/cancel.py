"""Cancellation: ``cancel parallel|for|sections|taskgroup`` and ``cancellation point``.

A construct that may be cancelled is entered as a :class:`CancelScope` (the
translated code's ``with _omp_t.cancellable('for'):`` around the loop, or around a
region's body).  ``cancel`` marks the construct cancelled for the whole team and
raises :class:`Cancelled` in the thread that ran it, which the scope catches: the
thread goes on at the end of the construct.  The other threads find the mark at a
cancellation point and do the same.

Where the mark is kept (shared memory of the team's arena):

- ``for`` and ``sections``: the construct's work-share record.  Its counter of
  handed-out iterations jumps to :data:`CANCELLED`, so a dynamic schedule hands out
  nothing more; every thread also looks at it before each iteration (as if each
  began with a ``cancellation point for``: a cancelled search stops early).
- ``parallel``: the arena's ``CANCEL`` word.  Cancellation points: ``cancel``,
  ``cancellation point``, every barrier, and, in loops of the region, the start of
  each iteration.

A thread that leaves a cancelled region early must not leave the others waiting at
a barrier it will never reach: a cancellable region ends with the team *draining*.
Each thread that reaches the end of the region (cancelled or not) takes part in
barriers, handing :data:`DRAINING`, until every thread hands it.  A thread that
meets a draining thread at one of its own barriers finds the region cancelled and
goes to the end too.  What the threads changed travels with those barriers as
with any other, so nothing is lost.

``taskgroup``: the scope is a task's body (the translated task function's ``with
_omp_t.cancellable('taskgroup'):``), and what it cancels is the taskgroup the task
belongs to, as the task table records it (``taskgroups.py``: the mark, and the tasks
that are discarded rather than started).  A task of a cancelled group stops at its
next ``cancel taskgroup`` or ``cancellation point taskgroup``; its body ends, and the
task ends as usual (what it changed, and the values of its ``shared`` names, are
kept).  There is no barrier to drain: the group's end waits for its tasks as always.

``OMP_CANCELLATION=false`` turns ``cancel`` into a no-op (docs/pragmas.md says why
omppy's default is true).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

from . import schedule, taskgroups
from .arena import CANCEL, WS_NEXT
from .errors import OmpError
from .icv import icv
from .tasks import state_of

if TYPE_CHECKING:
    from types import TracebackType

    from .taskgroups import GroupRef
    from .tasks import Frame
    from .thread import ThreadContext

# A work share's counter of handed-out iterations, once the construct is cancelled.
CANCELLED = 1 << 62
# What a thread that reached the end of a cancellable region hands at barriers.
DRAINING = "omppy: this thread left the cancelled region"


class Cancelled(BaseException):
    """Raised by ``cancel`` and at cancellation points; caught by its scope.

    A ``BaseException``: an ``except Exception`` in the user's code does not stop a
    thread from leaving the cancelled construct.
    """

    def __init__(self, scope: CancelScope) -> None:
        super().__init__(f"'# omp {scope.kind}' was cancelled")
        self.scope = scope


class CancelScope:
    """A construct that may be cancelled, as one thread runs it."""

    def __init__(self, thread: ThreadContext, kind: str) -> None:
        self.thread = thread
        self.kind = kind  # 'parallel', 'for', 'sections' or 'taskgroup'
        self.base = -1  # the arena record of the loop (for, sections), once it starts
        self.frame: Frame | None = None  # taskgroup: the task whose body this is
        self.group: GroupRef | None = None  # and the group it belongs to

    def __enter__(self) -> CancelScope:
        if self.kind == "taskgroup":
            # The body of the task now on top of the thread's stack of tasks.
            self.frame = state_of(self.thread).frames[-1]
            self.group = self.frame.group
        self.thread.cancel_scopes.append(self)
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> bool:
        scopes = self.thread.cancel_scopes
        if scopes and scopes[-1] is self:
            scopes.pop()
        ours = isinstance(error, Cancelled) and error.scope is self
        if ours and self.frame is not None:
            # A task cut short says nothing of how long its code takes (tasks.py's
            # cut-off would run the next ones at once, unshared).
            self.frame.cancelled = True
        if self.kind == "parallel" and (error is None or ours):
            drain(self.thread)
        return ours

    def cancelled(self) -> bool:
        """Has any thread of the team cancelled this construct?"""
        thread = self.thread
        if self.kind == "taskgroup":  # in a team of one too: a child task may cancel
            return taskgroups.cancelled(state_of(thread), self.group)
        if thread.size == 1 or thread.team is None:
            return False  # the one thread that could cancel it has left it
        words = thread.team.arena.words
        if self.kind == "parallel":
            return bool(words[CANCEL])
        return self.base >= 0 and words[self.base + WS_NEXT] >= CANCELLED


def _scope(thread: ThreadContext, kind: str, directive: str = "cancel") -> CancelScope:
    for scope in reversed(thread.cancel_scopes):
        if scope.kind == kind:
            if kind == "taskgroup" and scope.group is None:
                raise OmpError(
                    f"'# omp {directive} taskgroup' ran in a task that belongs to no "
                    "taskgroup; OpenMP requires the task to be inside a '# omp taskgroup' "
                    "(or a '# omp taskloop' without nogroup) of the same parallel region"
                )
            return scope
    if kind == "taskgroup":
        raise OmpError(
            f"'# omp {directive} taskgroup' ran outside a task; OpenMP requires it to be "
            "closely nested in a '# omp task' or '# omp taskloop'"
        )
    raise OmpError(
        f"'# omp {directive} {kind}' ran outside the '# omp {kind}' construct it cancels; "
        f"OpenMP requires a {directive} to be closely nested in that construct"
    )


def cancel(thread: ThreadContext, kind: str, if_: Any = True) -> None:
    """``# omp cancel <kind> [if(...)]``: cancel the construct, leave it."""
    scope = _scope(thread, kind)
    if not icv().cancellation:
        return
    if if_:
        if kind == "taskgroup":
            assert scope.group is not None
            taskgroups.cancel(state_of(thread), scope.group)
        elif thread.size > 1 and thread.team is not None:
            arena = thread.team.arena
            if kind == "parallel":
                arena.words[CANCEL] = 1
            elif scope.base >= 0:
                with arena.lock:
                    if arena.words[scope.base + WS_NEXT] < CANCELLED:
                        arena.words[scope.base + WS_NEXT] = CANCELLED
        raise Cancelled(scope)
    if scope.cancelled():  # a cancel whose if is false is still a cancellation point
        raise Cancelled(scope)


def cancellation_point(thread: ThreadContext, kind: str) -> None:
    """``# omp cancellation point <kind>``: leave the construct if it was cancelled."""
    scope = _scope(thread, kind, "cancellation point")
    if icv().cancellation and scope.cancelled():
        raise Cancelled(scope)


def after_barrier(thread: ThreadContext, payloads: Sequence[Any]) -> None:
    """A barrier is a cancellation point of the region; and a thread that met a
    draining thread there must be in a cancelled region (or the program reached a
    barrier in some threads only)."""
    region = next((s for s in thread.cancel_scopes if s.kind == "parallel"), None)
    if region is not None and region.cancelled():
        raise Cancelled(region)
    draining = [t for t, p in enumerate(payloads) if isinstance(p, str) and p == DRAINING]
    if draining:
        raise OmpError(
            f"thread {draining[0]} reached the end of the parallel region while thread "
            f"{thread.num} waited at a barrier: the threads of a team must meet the same "
            "barriers"
        )


def drain(thread: ThreadContext) -> None:
    """The end of a cancellable region: meet the other threads at barriers until
    every one of them has reached the end too (see the module docstring)."""
    if thread.size == 1:
        return
    while True:
        payloads = thread.exchange(DRAINING, cancellation_point=False)
        if all(isinstance(p, str) and p == DRAINING for p in payloads):
            return


def loop(
    thread: ThreadContext, items: Sequence[Any], kind: str, chunk: int | None
) -> Iterator[Any]:
    """A work-sharing loop that stops when it (or its region) is cancelled.

    It takes an arena record even under a static schedule: the record holds the
    mark that ``cancel for`` sets.
    """
    scopes = thread.cancel_scopes
    scope = scopes[-1] if scopes and scopes[-1].kind in ("for", "sections") else None
    if scope is not None and scope.base >= 0:
        scope = None  # already the scope of an earlier loop
    region = next((s for s in scopes if s.kind == "parallel"), None)
    team = thread.team
    assert team is not None
    base = team.enter_workshare(thread)
    if scope is not None:
        scope.base = base
    words = team.arena.words
    n = len(items)
    size, num = thread.size, thread.num
    try:
        if kind == "static":
            if chunk is None:
                start, stop = schedule.static_block(n, size, num)
                spans = [(start, stop)] if stop > start else []
            else:
                spans = [(s, min(s + chunk, n)) for s in range(num * chunk, n, size * chunk)]
            thread.did_last = bool(spans) and spans[-1][1] == n
            chunks: Iterator[tuple[int, int]] = iter(spans)
        else:
            thread.did_last = False
            chunks = _grabbed(thread, base, n, kind, chunk or 1)
        for start, stop in chunks:
            thread.chunk_start = start
            for index in range(start, stop):
                if words[base + WS_NEXT] >= CANCELLED:
                    thread.did_last = False
                    return
                if region is not None and region.cancelled():
                    raise Cancelled(region)
                yield items[index]
    finally:
        team.leave_workshare(base)


def _grabbed(
    thread: ThreadContext, base: int, n: int, kind: str, chunk: int
) -> Iterator[tuple[int, int]]:
    team = thread.team
    assert team is not None
    while True:
        start, stop = team.grab(base, n, chunk, kind == "guided")
        if start >= n:
            return
        if stop >= n:
            stop = n
            thread.did_last = True
        yield start, stop
