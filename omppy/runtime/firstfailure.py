"""Which of a team's failures the program sees: the one python would raise.

Under python the pragmas are comments: a loop's iterations run in order and the first
one that raises ends the loop, so ``try: ... except ValueError:`` around it catches that
iteration's exception.  A team's threads run the iterations at once, and several may
raise.  Each thread's failure is placed in python's order by where its thread was:
``(loops, chunk start)`` (the work-sharing loops it had begun, and the first iteration of
the chunk it was running, or AFTER_LOOP once the loop's iterations were over), then its
thread number.  Chunks are disjoint runs of iterations, so the earliest chunk holds the
earliest iteration that raised; sections are a loop over section numbers; code outside
work-sharing loops is ordered by thread number.

The program gets the earliest failure itself (same type, same traceback, at the user's
line), with a note naming each other failure, so nothing is hidden.  A worker that died
comes first: what it would have run is unknown.  Ctrl-C reaches every thread: one
``KeyboardInterrupt``.

A thread that fails sets the team's abort mark to its place (:func:`encode`); a thread
that comes to the start of a loop, or to a dynamic or guided chunk, before that place
runs it still (python would have), so the exception of an earlier iteration is raised
too, and wins.  (A thread's static chunks all run, as they did before: no check per
chunk on that path.)
"""

from __future__ import annotations

import traceback
from collections.abc import Sequence
from typing import TYPE_CHECKING

from .errors import RemoteTraceback, TeamAborted, WorkerDied

if TYPE_CHECKING:
    from .thread import ThreadContext

AFTER_LOOP = 1 << 62  # a chunk start after every iteration: code after a loop
Position = tuple[int, "int | None"]  # (loops begun, first iteration of the running chunk)
# (None: the loop has begun and its first chunk not yet, Workshare.loop: as 0.)
# A failure: (thread number, its position or None when unknown, the exception).
Failure = tuple[int, "Position | None", BaseException]

_START_BITS = 40  # chunk starts below 2**40 (a loop of fewer iterations)
_AFTER = (1 << _START_BITS) - 1


def encode(position: Position) -> int:
    """The abort mark of a failure at ``position``: an int that orders as positions do
    (1 and more; 1, the mark of a failure of unknown place, stops every thread)."""
    loops, start = position
    return 2 + (loops << _START_BITS) + min(start or 0, _AFTER)


def mark_of(thread: ThreadContext, error: BaseException) -> int:
    """The abort mark of ``thread``'s failure with ``error`` (0: leave the mark as it
    is: a TeamAborted was stopped by it)."""
    if isinstance(error, TeamAborted):
        return 0
    if isinstance(error, KeyboardInterrupt):
        return 1  # Ctrl-C: every thread stops
    return encode((thread.loops, thread.chunk_start))


def runs_before(mark: int, loops: int, start: int) -> bool:
    """Whether the chunk from ``start`` of loop ``loops`` comes before the failure that
    set the abort ``mark`` (0: none), so that python would have run it first."""
    return mark > 1 and encode((loops, start)) < mark


def first_failure(failures: Sequence[Failure]) -> BaseException:
    """The exception the program sees of ``failures`` (one per failed thread, any
    order): the earliest in python's order, the others named in a note."""
    interrupts = [f for f in failures if isinstance(f[2], KeyboardInterrupt)]
    if interrupts:
        # Ctrl-C reaches every thread: one KeyboardInterrupt, as python raises.
        return min(interrupts, key=lambda f: f[0])[2]
    ordered = sorted(failures, key=_key)
    chosen = ordered[0][2]
    if all(isinstance(f[2], SystemExit) for f in failures):
        return chosen  # sys.exit() in every thread means "exit"
    # The same error in several threads (a refusal every thread meets at a combine,
    # say) is said once: a note repeating it would only hide the message's end.
    others = [f for f in ordered[1:] if not _same(f[2], chosen)]
    if others:
        threads = "1 more thread" if len(others) == 1 else f"{len(others)} more threads"
        lines = [f"omppy: {threads} of the team failed in this region:"]
        lines += [f"  thread {num}: {summary(exc)}" for num, _, exc in others]
        chosen.add_note("\n".join(lines))
    return chosen


def earliest(failures: Sequence[Failure]) -> Failure:
    """The failure that comes first in python's order (the one :func:`first_failure`
    gives the program, but for Ctrl-C)."""
    return min(failures, key=_key)


def _same(one: BaseException, other: BaseException) -> bool:
    return type(one) is type(other) and str(one) == str(other)


def _key(failure: Failure) -> tuple[int, int, int, int]:
    num, position, exc = failure
    if isinstance(exc, WorkerDied):
        return (0, 0, 0, num)
    if position is None:
        return (2, 0, 0, num)
    return (1, position[0], position[1] or 0, num)


def summary(exc: BaseException) -> str:
    """``Type: message (file, line N)``: the exception and the user's line it came from."""
    text = "".join(traceback.format_exception_only(exc)).strip().splitlines()
    summary = text[-1] if text else type(exc).__name__
    where = last_frame(exc)
    return f"{summary} ({where})" if where else summary


def last_frame(exc: BaseException) -> str:
    cause = exc.__cause__
    if isinstance(cause, RemoteTraceback):  # a worker's: its formatted traceback
        frames = [
            line.strip() for line in cause.text.splitlines() if line.lstrip().startswith('File "')
        ]
        return frames[-1].removesuffix(",") if frames else ""
    stack = traceback.extract_tb(exc.__traceback__) if exc.__traceback__ else []
    if not stack:
        return ""
    frame = stack[-1]
    return f'File "{frame.filename}", line {frame.lineno}, in {frame.name}'
