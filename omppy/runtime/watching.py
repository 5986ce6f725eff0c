"""The timed methods of a watched team, and what is done with the spans at the end
(docs/tracing.md; ``observe.py`` decides whether anything is watched).

For a watched team, :meth:`Observer.team_ready` gives *that team's objects* timed
versions of their methods: instance attributes in front of the class's methods
(``loop``, ``workshare``, ``exchange``, ``critical``, ``atomic``, ``ordered``,
``wait_turn`` on each thread context, ``grab`` and ``barrier_exchange`` on the
team; ``threadwatch.py``), set before the fork so that the workers inherit them.
The spans go to the :class:`~.trace.Recorder`; the iteration counts of the
outermost team's loops go to the progress bar (``omppy/progress.py``).  Only the
fork backend is watched.
"""

from __future__ import annotations

import atexit
import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from .threadwatch import ThreadWatch, _time_team
from .trace import Key, Recorder, chrome_trace, now

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

        return region.replace(body=watched_body)

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

    try:
        with open(path, "w") as handle:
            json.dump(chrome_trace(spans, origin), handle, separators=(",", ":"))
    except OSError as error:
        sys.stderr.write(f"omppy: could not write the trace to {path}: {error}\n")
