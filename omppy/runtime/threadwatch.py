"""One thread of a watched team: its track of spans and its timed methods
(``watching.py`` puts them in front of the class's methods, on that team's objects
only; docs/tracing.md).

:class:`ThreadWatch` times ``loop``, ``workshare``, ``exchange``, ``wait_turn`` and
the synchronisation blocks of one thread context, and ``grab`` and
``barrier_exchange`` of its team, and counts the iterations of the outermost team's
loops for the progress bar; :func:`_time_team` sets them on a team's objects.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from . import schedule, state
from .team import Team
from .thread import ThreadContext
from .trace import now
from .where import location

if TYPE_CHECKING:
    from .watching import Observer, _Pending


class ThreadWatch:
    """One thread of a watched team: its track and its timed methods."""

    def __init__(
        self, observer: Observer, context: ThreadContext, pending: _Pending, counts: Any
    ) -> None:
        self.observer = observer
        self.recorder = observer.recorder
        self.context = context
        self.pending = pending
        self.key = pending.key
        self.tid = context.num
        # The progress bar's shared counters (outermost team only, and not every thread
        # of a huge team).
        self.counts = counts if counts is not None and context.num < len(counts) else None
        self.body_begin = 0
        self.body_end = 0
        self.loops = 0
        self.loop_args: dict[str, Any] = {}
        self.chunk: tuple[int, int, int] | None = None  # (begin, start, stop) being run

    def add(
        self, name: str, category: str, begin: int, end: int, args: dict[str, Any] | None = None
    ) -> None:
        if self.recorder is not None:
            self.recorder.add(name, category, self.key, self.tid, begin, end, args)

    # -- loops ----------------------------------------------------------------------------

    def loop(
        self,
        items: Any,
        kind: str | None = None,
        chunk: int | None = None,
        ordered: bool = False,
        track: bool = False,
        cancellable: bool = False,
        doacross: Any = None,
    ) -> Any:
        context = self.context
        if not schedule.is_sequence(items):
            items = schedule.iteration_space(items)
        where = location(2)
        resolved_kind, resolved_chunk = schedule.resolve(kind, chunk)
        iterable = ThreadContext.loop(
            context, items, kind, chunk, ordered, track, cancellable, doacross
        )
        n = len(items)
        self.loops += 1
        label = resolved_kind if resolved_chunk is None else f"{resolved_kind},{resolved_chunk}"
        self.loop_args = {
            "loop": where, "instance": self.loops, "schedule": label, "n": n,
            "region": self.pending.rid,
        }
        if self.counts is not None and self.tid == 0:
            assert self.observer.progress is not None
            self.observer.progress.loop_start(where, n)
        size, num = context.size, context.num
        chunks: Iterator[tuple[int, int]] | None = None
        if resolved_kind == "static" and not cancellable and doacross is None:
            if resolved_chunk is None:
                start, stop = schedule.static_block(n, size, num)
                chunks = iter([(start, stop)] if stop > start else [])
            else:
                step = resolved_chunk
                chunks = (
                    (s, min(s + step, n)) for s in range(num * step, n, size * step)
                )
        return self._watched(iterable, chunks, dict(self.loop_args))

    def _watched(
        self, iterable: Any, chunks: Iterator[tuple[int, int]] | None, args: dict[str, Any]
    ) -> Iterator[Any]:
        """The loop's iterations, with a span per chunk (a static schedule's chunks
        are known here; a dynamic one's come from ``grab``) and the progress counts."""
        begin = now()
        items = iter(iterable)
        # Without a progress bar the iterations pass through this generator alone.
        counted = self._counted if self.counts is not None else iter
        try:
            if chunks is None:
                yield from counted(items)
            else:
                for start, stop in chunks:
                    chunk_begin = now()
                    yield from counted(itertools.islice(items, stop - start))
                    self.add(
                        f"chunk [{start}, {stop})", "chunk", chunk_begin, now(),
                        {**args, "start": start, "stop": stop},
                    )
        finally:
            self.chunk = None  # a chunk left open by an exception ends nowhere
            self.add(f"for {args['loop']}", "loop", begin, now(), args)

    def _counted(self, items: Iterator[Any]) -> Iterator[Any]:
        counts = self.counts
        assert counts is not None
        slot = self.tid
        pending, batch, last = 0, 1, now()
        try:
            for item in items:
                yield item
                pending += 1
                if pending >= batch:
                    counts[slot] += pending
                    pending = 0
                    # About ten updates a second, whatever an iteration costs.
                    moment = now()
                    if moment - last < 50_000_000:
                        batch *= 2
                    elif batch > 1:
                        batch //= 2
                    last = moment
        finally:
            counts[slot] += pending

    def grab(
        self, team: Team, base: int, n: int, chunk: int, guided: bool, loops: int | None = None
    ) -> tuple[int, int]:
        """A dynamic or guided loop's next chunk: the last one ends, the next begins."""
        moment = now()
        if self.chunk is not None:
            begin, start, stop = self.chunk
            self.chunk = None
            self.add(
                f"chunk [{start}, {stop})", "chunk", begin, moment,
                {**self.loop_args, "start": start, "stop": stop},
            )
        start, stop = Team.grab(team, base, n, chunk, guided, loops)
        if start < n:
            self.chunk = (now(), start, min(stop, n))
        return start, stop

    def workshare(
        self,
        reduction: dict[str, tuple[str, Any]] | None = None,
        lastprivate: tuple[str, ...] = (),
        nowait: bool = False,
        shared: tuple[str, ...] = (),
        conditional: tuple[str, ...] = (),
    ) -> Any:
        """A for/sections construct whose end (its barrier, reductions and lastprivate
        values) is timed."""
        construct = ThreadContext.workshare(
            self.context, reduction, lastprivate, nowait, shared, conditional
        )
        end = construct.end
        args = {"reductions": sorted(reduction or ()), "nowait": nowait}

        def timed_end(names: dict[str, Any]) -> dict[str, Any]:
            begin = now()
            try:
                return end(names)
            finally:
                self.add("end of work share", "sync", begin, now(), args)

        construct.end = timed_end  # type: ignore[method-assign]
        return construct

    # -- waits --------------------------------------------------------------------------------

    def exchange(self, payload: Any, cancellation_point: bool = True) -> list[Any]:
        begin = now()
        try:
            return ThreadContext.exchange(self.context, payload, cancellation_point)
        finally:
            self.add("barrier", "sync", begin, now(), {"where": location(2)})

    def barrier_wait(
        self, team: Team, me: ThreadContext, parity: int, payload: Any, *, any_site: bool = False
    ) -> list[Any]:
        begin = now()
        try:
            return Team.barrier_exchange(team, me, parity, payload, any_site=any_site)
        finally:
            self.add("barrier wait", "wait", begin, now())

    def sync_block(self, kind: str, open_block: Callable[[], Any]) -> Any:
        """A critical, atomic or ordered block: its wait, then the block to its leave."""
        begin = now()
        block = open_block()
        if kind != "ordered":  # ordered's wait is wait_turn's own span
            self.add(f"{kind} wait", "wait", begin, now())
        args = {"where": location(3)}
        previous = block.after  # ordered: pass the turn on

        # Timed from the block's own ``after`` (run as it leaves, before it unlocks):
        # a wrapper around ``leave`` would stand between it and the caller's frame,
        # whose globals it reads (sync.py).
        def ended() -> None:
            try:
                if previous is not None:
                    previous()
            finally:
                self.add(kind, "sync", begin, now(), args)

        block.after = ended
        return block

    def wait_turn(self) -> None:
        begin = now()
        try:
            ThreadContext.wait_turn(self.context)
        finally:
            self.add("ordered wait", "wait", begin, now())


def _time_team(team: Team, watches: list[ThreadWatch]) -> None:
    """Put the timed methods in front of the class's, on this team's objects only."""

    def grab(
        base: int, n: int, chunk: int, guided: bool, loops: int | None = None
    ) -> tuple[int, int]:
        return watches[state.current().num].grab(team, base, n, chunk, guided, loops)

    def barrier_exchange(
        me: ThreadContext, parity: int, payload: Any, *, any_site: bool = False
    ) -> list[Any]:
        return watches[me.num].barrier_wait(team, me, parity, payload, any_site=any_site)

    team.grab = grab  # type: ignore[method-assign]
    team.barrier_exchange = barrier_exchange  # type: ignore[method-assign]
    for watch in watches:
        context = watch.context
        context.loop = watch.loop  # type: ignore[method-assign]
        context.exchange = watch.exchange  # type: ignore[method-assign]
        context.workshare = watch.workshare  # type: ignore[method-assign]
        context.wait_turn = watch.wait_turn  # type: ignore[method-assign]
        _time_blocks(context, watch, ThreadContext)


def _time_blocks(context: ThreadContext, watch: ThreadWatch, cls: Any) -> None:
    def critical(
        name: str = "",
        names: tuple[str, ...] = (),
        touches: Any = None,
        closed: bool = False,
        reads: tuple[str, ...] = (),
    ) -> Any:
        kind = f"critical({name})" if name else "critical"
        return watch.sync_block(
            kind, lambda: cls.critical(context, name, names, touches, closed, reads)
        )

    def atomic(
        names: tuple[str, ...] = (),
        touches: Any = None,
        closed: bool = False,
        reads: tuple[str, ...] = (),
    ) -> Any:
        return watch.sync_block(
            "atomic", lambda: cls.atomic(context, names, touches, closed, reads)
        )

    def ordered(
        names: tuple[str, ...] = (),
        touches: Any = None,
        closed: bool = False,
        reads: tuple[str, ...] = (),
    ) -> Any:
        return watch.sync_block(
            "ordered", lambda: cls.ordered(context, names, touches, closed, reads)
        )

    context.critical = critical  # type: ignore[method-assign]
    context.atomic = atomic  # type: ignore[method-assign]
    context.ordered = ordered  # type: ignore[method-assign]
