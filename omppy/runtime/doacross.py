"""Doacross loops: ``for ordered(n)`` with ``ordered depend(sink: ...)`` and
``ordered depend(source)`` (``doacross(...)`` in OpenMP 5.2) in the body.

The ``n`` outer loops of the nest form the doacross space; an iteration is a
vector of their values, numbered in lexicographic (row-major) order.  A sink waits
until the iteration it names has passed its source; the source marks the current
one.  Every loop of the space iterates a ``range``, so a sink's values map back to
an iteration number (a sink outside the space is ignored, as OpenMP says).

The iterations are scheduled statically, so a thread runs its iterations in
increasing order and which thread runs an iteration can be computed.  Each thread
keeps one word in the arena: how far it has got, as ``construct * 2**40 + number
+ 1`` (a later loop's words are larger, so a stale word never satisfies a wait).
A sink's iteration is done when the word of the thread that owns it has reached
it; one of the waiting thread's own earlier iterations is done already.  Passing a
source publishes what the thread changed, and a sink, once its iteration has
passed, applies what was published (as a synchronisation block does).  An
iteration that runs no source passes at its end (nothing waits for ever), and a
thread that finished its part marks all of it passed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from . import deadlock, schedule
from .errors import OmpError
from .where import location

if TYPE_CHECKING:
    from .thread import ThreadContext

_SPAN = 1 << 40  # iterations a doacross loop may have (and the step between loops)


class Doacross:
    """The doacross space of the loop one thread is running."""

    def __init__(
        self, thread: ThreadContext, outer: Sequence[Any], inner: Sequence[Any], chunk: int | None
    ) -> None:
        self.thread = thread
        spaces = list(outer.spaces) if isinstance(outer, schedule.Collapsed) else [outer]
        self.spaces = [*spaces, *inner]
        for space in self.spaces:
            if not isinstance(space, range):
                raise OmpError(
                    "the loops of a doacross nest ('ordered(n)') must iterate range(...): "
                    f"found a {type(space).__name__}, whose values cannot be numbered"
                )
        self.sizes = [len(s) for s in self.spaces]
        self.outer_count = len(outer)
        self.inner_size = 1
        for space in inner:
            self.inner_size *= len(space)
        if self.outer_count * self.inner_size >= _SPAN - 1:
            raise OmpError("a doacross loop may have at most 2**40 - 2 iterations")
        self.chunk = chunk
        self.construct = 0
        self.words: Any = None
        self.base = 0

    # -- numbering ------------------------------------------------------------------

    def number(self, values: Sequence[Any]) -> int | None:
        """The iteration number of a vector of loop values, or None outside the space."""
        flat = 0
        for value, space, size in zip(values, self.spaces, self.sizes, strict=True):
            offset = value - space.start
            if offset % space.step:
                return None
            index = offset // space.step
            if not 0 <= index < size:
                return None
            flat = flat * size + index
        return flat

    def owner(self, flat: int) -> int:
        """The thread that runs iteration ``flat``."""
        outer = flat // self.inner_size
        size = self.thread.size
        if self.chunk is not None:
            return (outer // self.chunk) % size
        base, extra = divmod(self.outer_count, size)
        if outer < extra * (base + 1):
            return outer // (base + 1)
        return extra + (outer - extra * (base + 1)) // base

    # -- waiting and passing ----------------------------------------------------------

    def post(self, flat: int) -> None:
        """Iteration ``flat`` (and every earlier one of this thread) has passed: what
        the thread changed goes to the team first, as a synchronisation block's does
        (coherence.py), so that a thread whose sink waited for it sees it."""
        if self.words is None:
            return
        coherence = self.thread.coherence
        if coherence is not None:
            coherence.publish("ordered depend(source)", {})
        self.words[self.base + self.thread.num] = self.construct * _SPAN + flat + 1

    def wait(self, current: Sequence[Any], sinks: Sequence[Any]) -> None:
        now = self.number(current)
        if now is None:
            return
        for sink in sinks:
            flat = now - sink if isinstance(sink, int) else self.number(tuple(sink))
            if flat is None or flat < 0:
                continue  # outside the iteration space: no dependence
            if flat >= now:
                raise OmpError(
                    f"'# omp ordered depend(sink: ...)' names the iteration {tuple(sink)!r}, "
                    f"which does not come before the current one {tuple(current)!r}: it "
                    "would wait for ever"
                    if not isinstance(sink, int)
                    else "'depend(sink: omp_cur_iteration - k)' needs k >= 1"
                )
            owner = self.owner(flat)
            if owner == self.thread.num or self.words is None:
                continue  # done already: this thread runs its iterations in order
            slot, wanted = self.base + owner, self.construct * _SPAN + flat + 1
            words = self.words
            if words[slot] < wanted:
                team = self.thread.team
                assert team is not None and team.liveness is not None
                team.liveness.sleep_until(
                    _reached(words, slot, wanted), (deadlock.DOACROSS, flat)
                )
            coherence = self.thread.coherence
            if coherence is not None:  # what the iteration waited for changed
                coherence.catch_up(location())


def _reached(words: Any, slot: int, wanted: int) -> Callable[[], bool]:
    """Whether the word at ``slot`` has come to ``wanted`` (a sink's iteration is done)."""
    return lambda: bool(words[slot] >= wanted)


def static_spans(
    thread: ThreadContext, n: int, kind: str, chunk: int | None
) -> list[tuple[int, int]]:
    """The ``(start, stop)`` spans of ``n`` outer iterations this thread runs in a
    doacross loop (static schedules only), and whether it runs the last one."""
    if kind != "static":
        raise OmpError(
            f"a doacross loop ('ordered(n)') is scheduled statically; schedule '{kind}' "
            "cannot say which thread runs an iteration"
        )
    size, num = thread.size, thread.num
    if chunk is None:
        start, stop = schedule.static_block(n, size, num)
        spans = [(start, stop)] if stop > start else []
    else:
        spans = [(s, min(s + chunk, n)) for s in range(num * chunk, n, size * chunk)]
    thread.did_last = bool(spans) and spans[-1][1] == n
    return spans


def loop(
    thread: ThreadContext,
    items: Sequence[Any],
    kind: str,
    chunk: int | None,
    inner: Sequence[Any],
) -> Iterator[Any]:
    """This thread's iterations of a doacross loop (the outer, work-shared levels)."""
    spans = static_spans(thread, len(items), kind, chunk)
    space = Doacross(thread, items, [schedule.iteration_space(s) for s in inner], chunk)
    size = thread.size
    team = thread.team
    base = -1
    if size > 1 and team is not None:
        base = team.enter_workshare(thread)
        space.construct = thread.workshares
        space.words = team.arena.words
        space.base = team.arena.doacross_base
    previous = thread.doacross
    thread.doacross = space
    try:
        for start, stop in spans:
            thread.chunk_start = start
            for index in range(start, stop):
                yield items[index]
                space.post((index + 1) * space.inner_size - 1)  # the iteration is done
        space.post(_SPAN - 2)
    finally:
        thread.doacross = previous
        if base >= 0 and team is not None:
            team.leave_workshare(base)
