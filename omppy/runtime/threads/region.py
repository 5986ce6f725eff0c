"""``parallel()`` on the threads backend: start a team, run thread 0, join, report.

Data flow of one region::

    the thread that reached it (thread 0)          pooled worker k
    -------------------------------------          ---------------
    team size (clauses, ICVs, nesting limits)
    contexts, random seeds, line writers
    hand each worker its job  ---------------->    run the body as thread k
    run the body as thread 0                         barriers, loops, sync blocks: the team
    wait until every worker is done  <---------    its outcome into the team; back to the pool
    raise the failures, or return the outputs

Shared objects are the same objects in every thread, so the join only combines the
region's own reductions and takes its ``lastprivate`` values and the latest values of
names bound in synchronisation blocks.  A failing thread aborts the team; the others
stop at their next barrier, loop chunk or lock and the failures are raised together
as with forked workers (``firstfailure.first_failure``).  On Ctrl-C the master stops the
workers at once (an asynchronous exception in each) and does not wait for ever.
"""

from __future__ import annotations

import _thread
import struct
import sys
import time
from collections.abc import Callable
from typing import Any

from .. import backend, blas, failedstate, icv, observe, state
from ..deadlock_errors import different_constructs
from ..errors import OmpError, RegionStateLost, TeamAborted
from ..firstfailure import Failure, first_failure, mark_of
from ..region import Region, TeamRequest
from ..team import requested_team_size
from . import hang, keyorder, output, pool, private, profiling, streams, tasks
from .context import ThreadedContext
from .park import SPIN, Parker
from .team import ThreadTeam, forget_critical_locks

Outcome = tuple[dict[str, Any] | None, BaseException | None, bool]  # locals, error, did_last

_NOT_RUN: Outcome = (None, None, False)
STOP_GRACE = 0.5  # seconds the master waits for interrupted workers before giving up
_serial_guard = _thread.allocate_lock()
_region_serial = 0


def parallel(region: Region, request: TeamRequest) -> dict[str, Any]:
    """Run ``region`` on a team of threads (``backend.parallel`` says what the clauses
    mean).  ``copyin``: each thread starts from the master's values (``private.py``);
    ``proc_bind`` is accepted and changes nothing here (the operating system places
    the threads of one process); ``module_watch``: one heap, nothing is compared."""
    copied = private.begin(request.copyin, request.namespace)
    parent = state.current()
    control = icv.icv()  # what the workers read, until one changes its own copy
    size = requested_team_size(request.num_threads, request.if_, parent, control)
    team = ThreadTeam(size, parent)
    if size == 1:
        return _run_alone(region, team)
    return _run_team(region, team, copied, control)


def _run_alone(region: Region, team: ThreadTeam) -> dict[str, Any]:
    me = ThreadedContext(team, 0)
    me.nested = region.nested
    stack = state.own_stack()
    stack.append(me)
    try:
        values = region.body(me, **region.arguments(region.args, in_master=True)) or {}
    except BaseException as exc:
        failedstate.alone(region, exc)
        raise
    finally:
        stack.pop()
        team.dissolve()
    last = region.last_values(values, me.did_last)
    latest = team.fresh(tuple(region.shared), me)  # what others (tasks) published
    return region.outputs(values, [region.partials(values)], last, latest)


class _Join:
    """How many workers are still running, and where the master sleeps until none is."""

    def __init__(self, team: ThreadTeam, running: int, parker: Parker) -> None:
        self.team = team
        self.running = running
        self.parker = parker  # the master's own (it waits for nothing else meanwhile)

    def one_done(self) -> None:
        with self.team.mutex:
            self.running -= 1
            last = self.running == 0
        if last:
            self.parker.unpark()

    def wait(self, timeout: float | None = None, me: ThreadedContext | None = None) -> bool:
        """Wait for every worker (at most ``timeout`` seconds); True when all are done.
        ``me``: the master, whose wait the team's wait limit bounds (hang.py)."""
        for _ in range(SPIN.checks if self.team.spins else 0):
            if not self.running:
                return True
        deadline = None if timeout is None else time.monotonic() + timeout
        limit = self.team.wait_limit if me is not None else None
        began = time.monotonic()
        while self.running:
            if limit is not None:
                assert me is not None
                me.waiting = True
                self.parker.park(hang.POLL)
                if self.running:
                    self.team.check_hang(me, began, "waits for the end of the region")
            elif deadline is None:
                self.parker.park()
            else:
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self.parker.park(min(left, 0.05))
        return True


def _run_team(
    region: Region,
    team: ThreadTeam,
    copied: private.Copied | None,
    control: icv.ControlVariables,
) -> dict[str, Any]:
    global _region_serial
    backend.notice_once()
    if observe.observer is not None:
        observe.observer.threads_backend()  # not watched: said once (docs/tracing.md)
    if team.parallel:
        profiling.guard()  # cProfile is not thread-safe there
    size = team.size
    workers: list[pool.Worker] = pool.take(size - 1)
    try:
        streams.install()
        with _serial_guard:
            _region_serial += 1
            serial = _region_serial
        seeds = streams.TeamSeeds(serial, streams.current())
        master = ThreadedContext(team, 0)
        master.seeds = seeds  # each context is its thread's streams too
        threads = [master]
        for num, worker in enumerate(workers, 1):
            context = ThreadedContext(team, num, worker.parker)
            context.seeds = seeds
            threads.append(context)
        if region.reduction:
            for context in threads:
                context.reductions = region.reduction
        outcomes: list[Outcome] = [_NOT_RUN] * size
        join = _Join(team, size - 1, master.parker)
    except BaseException:  # (the workers had no job yet: they leave)
        pool.retire(workers)
        team.dissolve()
        raise
    output.install()
    pools = blas.limit(words=False)  # one thread per BLAS pool while the team runs
    dicts = keyorder.watch(region.args.values())  # their new keys in iteration order
    team.watched_dicts = dicts  # (and the dicts the threads put into them)
    previous = streams.enter_thread(master)
    state.team_runs(team, True)  # omppy.runtime.IDLE is None until it ends
    try:
        for num, worker in enumerate(workers, 1):
            job = _job(threads[num], region, outcomes, join, worker, control, copied)
            worker.give(_in_master_context(job))
        outcomes[0] = _run_thread(master, region)
        if isinstance(outcomes[0][1], KeyboardInterrupt):
            raise outcomes[0][1]  # stop the team now, not when the workers finish
        join.wait(me=master)
    except BaseException:
        _stop(team, threads, workers, join)
        raise
    finally:
        team.dissolve()
        if not join.running:  # else a stopped worker still runs: IDLE stays None
            state.team_runs(team, False)
        streams.leave_thread(previous)
        if dicts:
            keyorder.unwatch(dicts)
        if pools:
            blas.restore(pools)
        output.uninstall()
    return _finish(region, team, outcomes, threads)


def _run_thread(me: ThreadedContext, region: Region) -> Outcome:
    """One thread's part: run the body; the team aborts if it fails."""
    stack = state.own_stack()
    stack.append(me)
    me.ident = _thread.get_ident()
    try:
        arguments = region.arguments(region.args, in_master=True)
        if me.num and me.team.parallel:
            _own_numbers(arguments)
        values = region.body(me, **arguments) or {}
        if me.team.tasks is not None:
            tasks.state_of(me).barrier()  # the region's end: every task completes
        me.team.finish(me)
        return values, None, me.did_last
    except BaseException as exc:  # reported with the other threads' failures
        me.team.abort(mark_of(me, exc) or me.team.mark)
        return None, exc, False
    finally:
        stack.pop()


def _own_numbers(arguments: dict[str, Any]) -> None:
    """Give this thread its own copies of the floats, ints and complex numbers it reads.

    Free-threaded CPython counts references to an object made by another thread with
    atomic operations on the cache line the owner's count shares: a number that every
    thread reads in every iteration (``h`` in ``x = h * (i + 0.5)``) would bounce that
    line between the cores.  A copy made here belongs to this thread; numbers are
    immutable, so nothing else can tell.
    """
    for name, value in arguments.items():
        kind = type(value)
        if kind is float:
            arguments[name] = _DOUBLE.unpack(_DOUBLE.pack(value))[0]
        elif kind is int and not -5 <= value <= 256:  # small ints are shared by all
            arguments[name] = value + 0
        elif kind is complex:
            arguments[name] = complex(value.real, value.imag)


_DOUBLE = struct.Struct("d")


def _job(
    me: ThreadedContext,
    region: Region,
    outcomes: list[Outcome],
    join: _Join,
    worker: pool.Worker,
    control: icv.ControlVariables,
    copied: private.Copied | None,
) -> Callable[[], None]:
    outermost = me.team.level == 1

    def job() -> None:
        previous = streams.enter_thread(me)
        previous_icv = icv.enter_thread(control)
        worker.in_body = True
        try:
            if copied is not None:  # the module has threadprivate globals
                private.enter(copied, me.num, outermost)
            outcomes[me.num] = _run_thread(me, region)
            if copied is not None and outermost:
                private.leave(me.num)
        finally:
            worker.in_body = False
            try:
                icv.leave_thread(previous_icv)
                streams.leave_thread(previous)
                output.finish_thread()
            finally:  # (the master waits for this, whatever happened)
                worker.back()  # before the master may start its next region
                join.one_done()

    return job


def _in_master_context(job: Callable[[], None]) -> Callable[[], None]:
    """``job`` with its own copy of the master's ``decimal`` context, when the program
    uses ``decimal`` (called by the master): as a forked worker starts with its
    master's (pyperformance's decimal_factorial sets ``prec`` before the region; a
    worker thread would have computed with the default 28 digits)."""
    decimal = sys.modules.get("decimal")
    if decimal is None:
        return job
    context = decimal.getcontext().copy()

    def run() -> None:
        decimal.setcontext(context)
        job()

    return run


def _stop(
    team: ThreadTeam, threads: list[ThreadedContext], workers: list[pool.Worker], join: _Join
) -> None:
    """The master is leaving early (Ctrl-C, or a failure of its own machinery): stop
    the workers where they are, wait for them a little, and never reuse them."""
    team.abort()
    for worker in workers:
        if worker.in_body and worker.ident is not None:
            hang.raise_in(worker.ident, TeamAborted)
    join.wait(STOP_GRACE)
    pool.retire(workers)
    if any(me.holding for me in threads):
        forget_critical_locks()  # held by a stopped thread: never to be released


def _settle(
    region: Region,
    team: ThreadTeam,
    outcomes: list[Outcome],
    threads: list[ThreadedContext],
    errors: list[Failure],
    chosen: BaseException,
) -> None:
    """A failed region: its stores are in place, python's only when no thread ran
    past the failure (failedstate.py); else RegionStateLost, raised from ``chosen``."""
    if not failedstate.judged(chosen):
        return
    stops = {
        t.num: failedstate.stop_of(t, error)
        for t, (_, error, _) in zip(threads, outcomes, strict=True)
    }
    quiet = stops if failedstate.storeless(region) else ()
    try:
        failedstate.decide(
            errors,
            stops,
            stops,
            failedstate.names_bound(region),
            team.region_at,
            quiet=quiet,
        )
    except RegionStateLost as lost:
        raise lost from chosen
    team.new_keys.order()  # new dict keys in python's order, as at the region's end


_SAME_THREAD = "SQLite objects created in a thread can only be used in that same thread"


def _note_thread_bound(chosen: BaseException, errors: list[Failure]) -> None:
    """sqlite3's refusal of a connection made in another thread (the master, before
    the region): what to do on this backend, in omppy's words."""
    for num, _, error in errors:
        kind = type(error)
        if kind.__module__ == "sqlite3" and _SAME_THREAD in str(error):
            chosen.add_note(
                f"omppy: thread {num} of the team used an sqlite3 connection (or cursor) "
                "that another thread made, which sqlite3 refuses; on the threads "
                "backend make it with sqlite3.connect(..., check_same_thread=False) and "
                "use it inside '# omp critical', or keep the rows in a list and write "
                "them after the region"
            )
            return


def _finish(
    region: Region, team: ThreadTeam, outcomes: list[Outcome], threads: list[ThreadedContext]
) -> dict[str, Any]:
    """Raise the threads' failures, or return the values the master's names take."""
    for _, error, _ in outcomes:
        if error is not None:
            errors: list[Failure] = [
                (t.num, (t.loops, t.chunk_start), e)
                for t, (_, e, _) in zip(threads, outcomes, strict=True)
                if e and not isinstance(e, TeamAborted)
            ]
            if errors:
                chosen = first_failure(errors)
                _note_thread_bound(chosen, errors)
                _settle(region, team, outcomes, threads, errors, chosen)
                raise chosen
            raise OmpError("the team was aborted without a reported cause")
    first = threads[0]
    if any(t.loops != first.loops or t.workshares != first.workshares for t in threads):
        met: dict[tuple[int, int], list[int]] = {}
        for t in threads:
            met.setdefault((t.loops, t.workshares), []).append(t.num)
        raise different_constructs(met, team.region_at)
    team.new_keys.order()  # the region's end is a barrier too
    if not (region.reduction or region.lastprivate or region.shared):
        return {}  # nothing the master's names take
    partials = [region.partials(values or {}) for values, _, _ in outcomes]
    last = None
    for values, _, did_last in outcomes:
        if did_last:
            last = region.last_values(values or {}, True)
    # The names others published since the master last took them: the master's own
    # local is as new as its own publications, or newer.
    latest = team.fresh(tuple(region.shared), threads[0])
    return region.outputs(outcomes[0][0] or {}, partials, last, latest)
