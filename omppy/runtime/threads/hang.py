"""A thread that never returns: the wait limit of the threads backend.

The deadlock checks of ``runtime/deadlock.py`` find waits that nothing can end (a
barrier a teammate has left behind, a lock set twice by its holder).  A thread that
keeps running (an endless loop, a call that never returns) is no deadlock: the
others wait for it, for ever.  With ``OMPPY_WAIT_LIMIT=<seconds>``, a thread of a
thread team that has waited that long (at a barrier, for an ordered turn, a lock, a
task, or the master for the region's end) stops the team with ``TeamDeadlock``,
saying where each thread is: the ones still running (at their current line, read
from their Python stacks) are interrupted, the others named with where they wait.
Unset (the default), threads wait as long as C OpenMP would: a long, uneven
workload is not a hang, and only the user can tell the two apart.
"""

from __future__ import annotations

import os
import sys
import time
from types import FrameType
from typing import TYPE_CHECKING

from ..errors import TeamAborted, TeamDeadlock
from ..icv import ConfigError
from ..tracebacks import first_user_frame

if TYPE_CHECKING:
    from .context import ThreadedContext
    from .team import ThreadTeam

VARIABLE = "OMPPY_WAIT_LIMIT"
POLL = 0.1  # seconds between two looks at the clock of a thread that waits


_read: list[float | None] = []  # the limit, once read (a region costs microseconds)


def limit() -> float | None:
    """The seconds a thread may wait (None: no limit), read from the environment at
    the first region; ConfigError if malformed."""
    if not _read:
        _read.append(_from_environment())
    return _read[0]


def _from_environment() -> float | None:
    value = os.environ.get(VARIABLE, "").strip()
    if not value:
        return None
    try:
        seconds = float(value)
    except ValueError:
        raise ConfigError(
            f"{VARIABLE}={value!r}: expected a number of seconds (unset: no limit)"
        ) from None
    return seconds if seconds > 0 else None


def check(team: ThreadTeam, me: ThreadedContext, began: float, what: str) -> None:
    """Raise TeamDeadlock when ``me`` has waited longer than the limit (see above)."""
    assert team.wait_limit is not None
    waited = time.monotonic() - began
    if waited < team.wait_limit:
        return
    with team.mutex:
        if team.aborted or team.hang_reported:
            raise TeamAborted("the team was stopped by the wait limit")
        team.hang_reported = True
        running = [
            c for c in team.contexts if c is not me and not c.waiting and not team.finished[c.num]
        ]
    frames = sys._current_frames()
    where_running = [f"thread {c.num} is still running at {_where(frames, c)}" for c in running]
    waiting = [
        c.num for c in team.contexts if c is not me and c.waiting and not team.finished[c.num]
    ]
    parts = [*where_running]
    if waiting:
        parts.append(_threads(waiting) + (" waits" if len(waiting) == 1 else " wait") + " too")
    finished = [n for n, done in enumerate(team.finished) if done and n != me.num]
    if finished:
        parts.append(_threads(finished) + " finished the region")
    for c in running:
        if c.ident is not None:
            raise_in(c.ident, TeamAborted)
    team.abort()
    raise TeamDeadlock(
        f"thread {me.num} of a team of {team.size} {what} ({_where(frames, me)}) and has "
        f"waited {waited:.1f} s, longer than {VARIABLE}={team.wait_limit:g}: "
        + "; ".join(parts or ["no other thread can release it"])
        + ". A thread that never returns (an endless loop, a call that blocks) hangs "
        "the team; the running threads were interrupted"
    )


def _where(frames: dict[int, FrameType], context: ThreadedContext) -> str:
    frame = frames.get(context.ident) if context.ident is not None else None
    found = first_user_frame(frame)
    if found is None:
        return "an unknown place"
    return f"{found.f_code.co_filename}:{found.f_lineno}"


def _threads(numbers: list[int]) -> str:
    named = [str(n) for n in numbers]
    if len(named) == 1:
        return f"thread {named[0]}"
    return "threads " + ", ".join(named[:-1]) + " and " + named[-1]


def raise_in(ident: int, kind: type[BaseException]) -> None:
    """Raise ``kind`` in thread ``ident`` at its next Python instruction."""
    try:
        import ctypes

        ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(ident), ctypes.py_object(kind))
    except Exception:  # no ctypes: the thread stops at its next barrier, chunk or lock
        pass
