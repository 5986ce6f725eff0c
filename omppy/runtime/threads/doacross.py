"""Doacross loops on the threads backend (``ordered depend(sink/source)``, ``doacross``).

The numbering, the static schedule and the rules are ``runtime/doacross.py``'s; the
threads' progress words are a list in the team (``ThreadTeam.progress``) instead of
the arena, and a sink whose iteration has not passed sleeps until a ``source``
(``post``) wakes the team's waiters.  Nothing needs publishing: the iteration's
stores are in the one heap already.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from .. import doacross, schedule, state

if TYPE_CHECKING:
    from .context import ThreadedContext
    from .team import ThreadTeam


class ThreadedDoacross(doacross.Doacross):
    thread: ThreadedContext

    def post(self, flat: int) -> None:
        super().post(flat)
        team = self.thread.team
        if team.progress_waiters:
            with team.mutex:
                waiters, team.progress_waiters = team.progress_waiters, []
            for parker in waiters:
                parker.unpark()


class Progress:
    """What ``Doacross.wait`` calls ``team.liveness``: sleep until a sink has passed."""

    def __init__(self, team: ThreadTeam) -> None:
        self.team = team

    def sleep_until(self, ready: Callable[[], bool], what: Any = None) -> None:
        """``what``: the wait's description for the deadlock check (deadlock.py)."""
        me: Any = state.current()
        team = self.team
        team.wait_until(
            me, ready, lambda: team.progress_waiters.append(me.parker), what=what
        )


def loop(
    thread: ThreadedContext,
    items: Sequence[Any],
    kind: str,
    chunk: int | None,
    inner: Sequence[Any],
) -> Iterator[Any]:
    """This thread's iterations of a doacross loop (the outer, work-shared levels)."""
    spans = doacross.static_spans(thread, len(items), kind, chunk)
    space = ThreadedDoacross(thread, items, [schedule.iteration_space(s) for s in inner], chunk)
    size = thread.size
    team = thread.team
    record = None
    if size > 1:
        record = team.enter_record(thread)
        space.construct = thread.workshares
        space.words = team.progress
        space.base = 0
    previous = thread.doacross
    thread.doacross = space
    try:
        for start, stop in spans:
            thread.chunk_start = start
            for index in range(start, stop):
                yield items[index]
                space.post((index + 1) * space.inner_size - 1)  # the iteration is done
        space.post(doacross._SPAN - 2)
    finally:
        thread.doacross = previous
        if record is not None:
            team.leave_record(record)
