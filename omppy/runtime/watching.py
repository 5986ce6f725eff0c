"""The timed methods of a watched team, and what is done with the spans at the end
(docs/tracing.md; ``observe.py`` decides whether anything is watched).

For a watched team, :meth:`Observer.team_ready` gives *that team's objects* timed
versions of their methods: instance attributes in front of the class's methods
(``loop``, ``workshare``, ``exchange``, ``critical``, ``atomic``, ``ordered``,
``wait_turn`` on each thread context, ``grab`` and ``barrier_exchange`` on the
team), set before the fork so that the workers inherit them.  The spans go to the
:class:`~.trace.Recorder`; the iteration counts of the outermost team's loops go to
the progress bar (``omppy/progress.py``).  Only the fork backend is watched.
"""

from __future__ import annotations

import atexit
import itertools
import os
import sys
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from . import schedule, state
from .trace import Key, Recorder, now
from .where import location

if TYPE_CHECKING:
    from ..progress import Progress
    from .region import Region
    from .team import Team
    from .thread import ThreadContext


def team_key(parent: ThreadContext) -> Key:
    """The tracks of a team started by ``parent`` (see trace.py): its ancestors' numbers."""
    key = []
    context: ThreadContext | None = parent
    while context is not None and context.team is not None:
        key.append(context.num)
        context = context.team.parent
    return tuple(reversed(key))


class _Pending:
    """A region the master is running: the times its hooks report."""

    def __init__(self) -> None:
        self.begin = now()
        self.ready = 0
        self.joined = 0
        self.team: Team | None = None
        self.key: Key = ()
        self.rid = ""
        self.where = "?"
        self.watches: list[ThreadWatch] = []


class Observer:
    """What this run watches, and the hooks the runtime calls."""

    def __init__(self, trace_path: str | None, report: bool, progress: Progress | None) -> None:
        # Absolute now: the program may change its directory before it ends.
        self.trace_path = os.path.abspath(trace_path) if trace_path is not None else None
        self.report = report
        self.progress = progress
        self.recorder = Recorder() if trace_path or report else None
        self.pid = os.getpid()
        self._pending: list[_Pending] = []
        self._watches: dict[int, ThreadWatch] = {}  # id(context) -> its watch
        self._warned_threads = False
        atexit.register(self.finish)

    # -- hooks (team.py, worker.py) ---------------------------------------------------------

    def region(
        self, run: Callable[..., dict[str, Any]], region: Region, parent: ThreadContext,
        size: int,
    ) -> dict[str, Any]:
        """``team.parallel``: run the team (``run``) and record the master's spans."""
        pending = _Pending()
        self._pending.append(pending)
        failed = True
        try:
            result = run(region, parent, size)
            failed = False
            return result
        finally:
            self._pending.remove(pending)
            self._region_done(pending, failed)

    def team_ready(
        self, team: Team, threads: list[ThreadContext], region: Region, where: str
    ) -> Region:
        """The team's contexts exist, nothing is forked yet: time their methods."""
        import dataclasses

        pending = self._pending[-1]
        pending.ready = now()
        pending.team = team
        pending.key = team_key(team.parent)
        pending.rid = f"{os.getpid()}-{pending.ready}"
        pending.where = where
        counts = None
        if self.progress is not None and not pending.key:
            counts = self.progress.region_start(team.size)
        pending.watches = [
            ThreadWatch(self, context, pending, counts) for context in threads
        ]
        for watch in pending.watches:
            self._watches[id(watch.context)] = watch
        _time_team(team, pending.watches)
        body = region.body

        def watched_body(me: ThreadContext, **arguments: Any) -> dict[str, Any] | None:
            watch = pending.watches[me.num]
            watch.body_begin = now()
            try:
                return body(me, **arguments)
            finally:
                watch.body_end = now()
                watch.add(
                    "body", "body", watch.body_begin, watch.body_end, {"region": pending.rid}
                )

        return dataclasses.replace(region, body=watched_body)

    def joined(self, team: Team) -> None:
        """Every worker's report is in and every worker is reaped."""
        for pending in self._pending:
            if pending.team is team:
                pending.joined = now()

    def worker_exit(self, me: ThreadContext) -> None:
        """A worker is about to ``os._exit``: its region span, then its spans to the spool."""
        try:
            watch = self._watches.get(id(me))
            if watch is not None and watch.body_begin:
                end = now()
                args = {"region": watch.pending.rid, "where": watch.pending.where}
                watch.add(f"parallel {watch.pending.where}", "region", watch.body_begin, end, args)
                if watch.body_end:
                    watch.add("report", "overhead", watch.body_end, end)
            if self.recorder is not None:
                self.recorder.worker_exit()
        except Exception:  # pragma: no cover - never let watching fail a worker
            pass

    def threads_backend(self) -> None:
        """A region on the threads backend: not watched, said once."""
        if not self._warned_threads:
            self._warned_threads = True
            sys.stderr.write(
                "omppy: --trace, --report and --progress watch the fork backend only; "
                "regions on threads (OMPPY_BACKEND=threads) are not recorded\n"
            )

    # -- the master's spans of a region ---------------------------------------------------

    def _region_done(self, pending: _Pending, failed: bool) -> None:
        end = now()
        for watch in pending.watches:
            self._watches.pop(id(watch.context), None)
        if self.progress is not None and not pending.key:
            self.progress.region_end(failed)
        if self.recorder is None or pending.team is None:
            return
        master = pending.watches[0]
        add = master.add
        args = {"region": pending.rid, "where": pending.where, "threads": pending.team.size}
        if failed:
            args["failed"] = True
        add(f"parallel {pending.where}", "region", pending.begin, end, args)
        add("setup", "overhead", pending.begin, pending.ready)
        if master.body_begin:
            add("fork", "overhead", pending.ready, master.body_begin)
        if master.body_end and pending.joined:
            add("join", "wait", master.body_end, pending.joined, {"region": pending.rid})
            add("merge", "overhead", pending.joined, end)

    # -- the end of the program -------------------------------------------------------------

    def finish(self) -> None:
        """At exit (the master only): write the trace, print the report."""
        if os.getpid() != self.pid or self.recorder is None:
            return
        recorder = self.recorder
        self.recorder = None
        try:
            spans = with_join_idle(recorder.collect())
        finally:
            recorder.close()
        if self.trace_path is not None:
            _write_trace(self.trace_path, spans, recorder.origin)
        if self.report:
            from ..report import render

            try:
                sys.stdout.flush()
            except Exception:
                pass
            sys.stderr.write(render(spans))
            sys.stderr.flush()


def with_join_idle(spans: list[Any]) -> list[Any]:
    """``spans`` plus, on each worker's track, its wait for the rest of the team: from
    its exit to the end of the master's join (the worker's share of the imbalance)."""
    joins = {
        span[6]["region"]: span[5]
        for span in spans
        if span[0] == "join" and span[6] and "region" in span[6]
    }
    idle = []
    for _, category, key, tid, _begin, end, args in spans:
        if category == "region" and tid != 0 and args and args.get("region") in joins:
            joined = joins[args["region"]]
            if joined > end:
                idle.append(
                    ("waiting for the team", "wait", key, tid, end, joined,
                     {"region": args["region"]})
                )
    return spans + idle


def trace_problem(path: str) -> str | None:
    """Why the trace could not be written there, found now rather than at the end."""
    directory = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(directory):
        return f"no directory {directory}"
    if os.path.isdir(path):
        return "is a directory"
    if not os.access(directory, os.W_OK):
        return f"cannot write in {directory}"
    return None


def _write_trace(path: str, spans: list[Any], origin: int) -> None:
    import json

    from .trace import chrome_trace

    try:
        with open(path, "w") as handle:
            json.dump(chrome_trace(spans, origin), handle, separators=(",", ":"))
    except OSError as error:
        sys.stderr.write(f"omppy: could not write the trace to {path}: {error}\n")


# -- one thread's timed methods -------------------------------------------------------------


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
        from .thread import ThreadContext

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

    def grab(self, team: Team, base: int, n: int, chunk: int, guided: bool) -> tuple[int, int]:
        """A dynamic or guided loop's next chunk: the last one ends, the next begins."""
        from .team import Team

        moment = now()
        if self.chunk is not None:
            begin, start, stop = self.chunk
            self.chunk = None
            self.add(
                f"chunk [{start}, {stop})", "chunk", begin, moment,
                {**self.loop_args, "start": start, "stop": stop},
            )
        start, stop = Team.grab(team, base, n, chunk, guided)
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
        from .thread import ThreadContext

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
        from .thread import ThreadContext

        begin = now()
        try:
            return ThreadContext.exchange(self.context, payload, cancellation_point)
        finally:
            self.add("barrier", "sync", begin, now(), {"where": location(2)})

    def barrier_wait(
        self, team: Team, me: ThreadContext, parity: int, payload: Any, *, any_site: bool = False
    ) -> list[Any]:
        from .team import Team

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
        from .thread import ThreadContext

        begin = now()
        try:
            ThreadContext.wait_turn(self.context)
        finally:
            self.add("ordered wait", "wait", begin, now())


def _time_team(team: Team, watches: list[ThreadWatch]) -> None:
    """Put the timed methods in front of the class's, on this team's objects only."""
    from .thread import ThreadContext

    def grab(base: int, n: int, chunk: int, guided: bool) -> tuple[int, int]:
        return watches[state.current().num].grab(team, base, n, chunk, guided)

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
        name: str = "", names: tuple[str, ...] = (), touches: Any = None, closed: bool = False
    ) -> Any:
        kind = f"critical({name})" if name else "critical"
        return watch.sync_block(kind, lambda: cls.critical(context, name, names, touches, closed))

    def atomic(names: tuple[str, ...] = (), touches: Any = None, closed: bool = False) -> Any:
        return watch.sync_block("atomic", lambda: cls.atomic(context, names, touches, closed))

    def ordered(names: tuple[str, ...] = (), touches: Any = None, closed: bool = False) -> Any:
        return watch.sync_block("ordered", lambda: cls.ordered(context, names, touches, closed))

    context.critical = critical  # type: ignore[method-assign]
    context.atomic = atomic  # type: ignore[method-assign]
    context.ordered = ordered  # type: ignore[method-assign]
