"""Fork/join: the team of processes that runs a parallel region.

Data flow of one region::

    master (thread 0)                          worker k (forked)
    -----------------                          -----------------
    stage arrays into shared memory
    create report pipes, reset arena
    flush stdout/stderr
    reap the previous team's workers
    fork workers 1..T-1  ------------------->  die with the master (PDEATHSIG)
                                               reseed random streams
    run body as thread 0                       run body as thread k
       barriers/work shares: arena  <------->     barriers/work shares: arena
    read each report until whole  <----------  pickle report -> pipe; os._exit
    (or EOF: waitpid that worker, status checked; the others are reaped later,
    reaping.py)
    apply the log and the workers' changes to shared objects (coherence.py),
    combine reductions, copy staged arrays back
    raise the failures, or return the outputs

Nothing but the arena (inherited shared memory and semaphores) and one pipe per
worker connects the processes: no manager process, no connection that crosses a
fork.  What a worker does between its fork and its ``os._exit`` is ``worker.py``;
what a region asks for and how its results reach the master is ``region.py``.
"""

from __future__ import annotations

import _signal
import contextlib
import dataclasses
import gc
import os
import pickle
import select
import signal
import sys
from collections.abc import Callable, Iterator
from typing import Any, cast

from . import (
    affinity,
    blas,
    deadlock,
    failures,
    limits,
    observe,
    private_globals,
    reaping,
    state,
    tasks,
)
from .arena import (
    ABORT,
    BARRIER_COUNT,
    BARRIER_GEN,
    CANCEL,
    FINISHED,
    LOG_MARK,
    LOG_SEQ,
    WS_DONE,
    WS_FIELDS,
    WS_ID,
    WS_NEXT,
    WS_ORDERED,
    Arena,
    Liveness,
    spin_seconds,
)
from .coherence import Coherence, interval, location
from .errors import OmpError, TeamAborted, WorkerDied
from .forking import fork_worker
from .icv import icv
from .output import RegionOutput, flush_standard_streams
from .reduction import identity
from .region import Region, combined_errors
from .replica import Replica
from .sharedmem import StagedArrays, allocate, is_array
from .thread import ThreadContext
from .tracebacks import first_user_frame
from .watch import build_replica, explain_read_only, stage_globals
from .worker import HEADER as _HEADER
from .worker import WorkerReport, run_worker, seeds_for_team

CAN_FORK = hasattr(os, "fork") and sys.platform != "win32"
_arenas: list[Arena] = []  # this process's idle arenas, reused by its next team
_region_serial = 0


class Team:
    """The threads of one region: size, nesting level, arena and (in the master) pids."""

    def __init__(self, size: int, parent: ThreadContext, arena: Arena | None) -> None:
        self.size = size
        self.parent = parent
        parent_team = parent.team
        self.level: int = (parent_team.level if parent_team else 0) + 1
        self.active_level: int = (parent_team.active_level if parent_team else 0) + (size > 1)
        # A team of one has no arena; nothing reads it, since every use of the arena
        # sits behind a ``size > 1`` test.
        self.arena: Arena = cast(Arena, arena)
        self.liveness: Liveness | None = None
        self.board: deadlock.Board | None = None  # where its threads wait, when they wait long
        self.pids: dict[int, int] = {}  # thread number -> pid, in the master
        self.seeds: tuple[int, int | None, int] = (0, None, 0)  # for workers' random streams
        # Deferred tasks (tasks.py): the same in every thread, decided before the fork.
        self.tasking = False

    # -- used by ThreadContext --------------------------------------------------------

    def barrier_exchange(
        self, me: ThreadContext, parity: int, payload: Any, *, any_site: bool = False
    ) -> list[Any]:
        """``any_site``: this thread's barrier matches any other's (deadlock.ANY_SITE)."""
        arena = self.arena
        arena.put(me.num, parity, payload)
        self._barrier(any_site)
        return [payload if t == me.num else arena.get(t, parity) for t in range(self.size)]

    def _barrier(self, any_site: bool = False) -> None:
        arena = self.arena
        words = arena.words
        assert self.liveness is not None
        me = state.current().num
        site = deadlock.ANY_SITE if any_site else deadlock.barrier_site()
        words[arena.site_base + me] = site
        with arena.lock:
            generation = words[BARRIER_GEN]
            arrived = words[BARRIER_COUNT] + 1
            if arrived == self.size:
                sites = words[arena.site_base : arena.site_base + self.size].tolist()
                if len(set(sites) - {deadlock.ANY_SITE}) > 1:
                    # Threads at different barriers would release each other here.
                    raise deadlock.at_different_barriers(sites)
                # Everyone else waits here: nobody reads or writes the log.  What the
                # barrier covers is the log up to now; a record a fast thread adds
                # after it belongs to the next interval.
                words[LOG_MARK] = words[LOG_SEQ]
                arena.log_compact(self.size)
                words[BARRIER_COUNT] = 0
                words[BARRIER_GEN] = generation + 1
            else:
                words[BARRIER_COUNT] = arrived
        semaphore = arena.barrier_sems[generation & 1]
        if arrived == self.size:
            # Released after the lock: a woken thread that took this one's CPU finds
            # the lock free at its next barrier.  (The semaphore of this generation is
            # used again two barriers on, which needs this thread there first.)
            for _ in range(self.size - 1):
                semaphore.release()
            return

        def stuck() -> None:
            # A teammate that finished its part of the region never comes to this
            # barrier (the barrier completes before anyone may finish): wait no more.
            if words[BARRIER_GEN] != generation or words[ABORT]:
                return
            gone = [t for t in range(self.size) if words[FINISHED + t]]
            # Read again after the flags: the last thread to arrive may have completed
            # this barrier and finished its part between the first read and the flags
            # (it writes the generation before its flag, so a flag seen set means the
            # generation read now is the new one).
            if not gone or words[BARRIER_GEN] != generation:
                return
            if self.board is not None and self.board.claim():
                raise deadlock.at_barrier(gone, self.size)

        try:
            self.liveness.wait(semaphore, stuck, (deadlock.BARRIER, generation))
        except TeamAborted:
            if words[BARRIER_GEN] == generation:
                raise
            # The barrier completed: this thread's token is on its way (the last
            # thread releases them one by one, and one released thread may already
            # have failed).  Take it and carry on, so this thread's own outcome counts.
            semaphore.acquire()

    def enter_workshare(self, thread: ThreadContext) -> int:
        """Claim the arena record of this thread's next work-sharing construct."""
        arena = self.arena
        construct = thread.workshares
        thread.workshares += 1
        base = arena.ws_base + (construct % 64) * WS_FIELDS
        words = arena.words

        def ready() -> bool:
            with arena.lock:
                owner = words[base + WS_ID]
                if owner == construct:
                    return True
                if owner == -1 or words[base + WS_DONE] >= self.size:
                    words[base + WS_ID] = construct
                    words[base + WS_NEXT] = 0
                    words[base + WS_DONE] = 0
                    words[base + WS_ORDERED] = 0
                    return True
                return False

        if not ready():
            assert self.liveness is not None
            self.liveness.sleep_until(ready, (deadlock.WORKSHARE, construct))
        return base

    def leave_workshare(self, base: int) -> None:
        with self.arena.lock:
            self.arena.words[base + WS_DONE] += 1

    def grab(self, base: int, n: int, chunk: int, guided: bool) -> tuple[int, int]:
        """The next chunk ``[start, stop)`` of a dynamic or guided loop."""
        arena = self.arena
        words = arena.words
        with arena.lock:
            if words[ABORT]:
                raise TeamAborted("another thread of the team failed")
            start = words[base + WS_NEXT]
            size = max(chunk, -(-(n - start) // self.size)) if guided else chunk
            words[base + WS_NEXT] = start + size
        return start, start + size


# -- the region -----------------------------------------------------------------------


_warned_no_fork = False


def _warn_no_fork() -> None:
    global _warned_no_fork
    if not _warned_no_fork:
        _warned_no_fork = True
        import warnings

        why = "this platform has no fork()" if not CAN_FORK else "OMPPY_FORK is off"
        warnings.warn(
            f"omppy: {why}; parallel regions run sequentially",
            RuntimeWarning,
            stacklevel=5,  # the user's line: here, team_size, parallel, backend.parallel
        )


def team_size(num_threads: Any, if_: Any) -> int:
    """How many threads a region gets: its clauses, the ICVs and the nesting limits."""
    if not (CAN_FORK and icv().fork):
        _warn_no_fork()
        return 1
    return requested_team_size(num_threads, if_)


def requested_team_size(num_threads: Any, if_: Any) -> int:
    """:func:`team_size` where threads can be started (the threads backend uses it)."""
    if not if_:
        return 1
    control = icv()
    parent = state.current()
    parent_team = parent.team
    active = parent_team.active_level if parent_team else 0
    level = (parent_team.level if parent_team else 0) + 1
    if active >= control.max_active_levels:
        return 1
    if num_threads is None:
        size = control.team_size_at(level)
    else:
        size = int(num_threads)
        if size < 1:
            raise ValueError(f"num_threads must be positive, got {size}")
    # OMP_THREAD_LIMIT bounds every thread of the program: a nested team shares the
    # limit with the teams around it.
    enclosing = 1
    context = parent
    while context.team is not None:
        enclosing *= context.size
        context = context.team.parent
    return max(1, min(size, control.thread_limit // enclosing))


def parallel(
    body: Callable[..., dict[str, Any] | None],
    args: dict[str, Any],
    *,
    firstprivate: dict[str, Any] | None = None,
    reduction: dict[str, tuple[str, Any]] | None = None,
    lastprivate: tuple[str, ...] = (),
    shared: tuple[str, ...] = (),
    readonly: tuple[str, ...] = (),
    watch: dict[str, int] | None = None,
    module_watch: dict[str, int] | None = None,
    num_threads: Any = None,
    if_: Any = True,
    copyin: tuple[str, ...] = (),
    proc_bind: str | None = None,
) -> dict[str, Any]:
    """Run ``body`` on a team; return the values the master's names get afterwards.

    ``body(_omp_t, **args, **firstprivate, **reduction_identities)`` returns its
    ``locals()``.  ``args`` are the shared names the body reads (numpy arrays among
    them are moved into shared memory unless named in ``readonly``);
    ``firstprivate`` values are copied per thread; each ``reduction`` variable
    starts from its operator's identity and is combined in thread order into the
    original.  The result maps each reduction, each ``lastprivate`` name that the
    last iteration bound, and each ``shared`` name bound in the region to the value
    the master's name must take.  ``copyin`` names threadprivate globals whose
    values the workers take from the master (private_globals.py); ``proc_bind`` is the
    clause's policy for placing the threads (affinity.py).  ``module_watch``: the
    globals of the body's module that the code the region can reach may change
    (watch.py), when less than its ``_omp_effects``.
    """
    home = getattr(body, "__globals__", None)  # the body's module, before any wrapper
    if tasks.ENABLED:
        body = tasks.region_body(body)  # the region's end waits for its tasks
    region = Region(
        body, args, firstprivate or {}, reduction or {}, lastprivate, shared, readonly, watch or {}
    )
    if module_watch is not None and home is not None:
        region = dataclasses.replace(region, module_watch=(home, module_watch))
    size = team_size(num_threads, if_)
    parent = state.current()
    if size == 1:
        return _run_alone(region, parent)
    slots = reduction_slots(region.reduction, size)
    if slots:
        region = dataclasses.replace(region, slots=slots)
    private_globals.begin_region(copyin, _callers_globals())
    with affinity.team_places(size, proc_bind):
        if observe.observer is not None:  # OMPPY_TRACE, OMPPY_REPORT, OMPPY_PROGRESS
            return observe.observer.region(_run_team, region, parent, size)
        return _run_team(region, parent, size)


SLOTTED_BYTES = 1 << 20  # array reductions from this size on use shared-memory slots


def reduction_slots(reduction: dict[str, tuple[str, Any]], size: int) -> dict[str, Any]:
    """Shared-memory slots, one per worker, for each large array reduction.

    A worker accumulates straight into its slot (it starts as the operator's
    identity), so its partial result needs no pickling through a pipe and no copy:
    the master reads the slots when it combines.  Small arrays and other values travel
    in the worker's report as before.
    """
    slots = {}
    for name, (op, value) in reduction.items():
        if not is_array(value) or value.dtype.hasobject or value.nbytes < SLOTTED_BYTES:
            continue
        start = identity(op, value)
        if not is_array(start) or start.shape != value.shape:
            continue
        block = allocate((size - 1, *start.shape), start.dtype)
        block[...] = start
        slots[name] = block
    return slots


def _run_alone(region: Region, parent: ThreadContext) -> dict[str, Any]:
    """A team of one (``if`` false, nesting inactive, no fork): no processes at all."""
    me = ThreadContext(Team(1, parent, None), 0)
    state.stack.append(me)
    try:
        values = region.body(me, **region.arguments(region.args, in_master=True)) or {}
    finally:
        state.stack.pop()
    last = region.last_values(values, me.did_last)
    return region.outputs(values, [region.partials(values)], last)


def _take_arena(size: int) -> Arena:
    for arena in _arenas:
        if arena.capacity >= size and arena.creator == os.getpid() and not arena.in_use:
            _arenas.remove(arena)
            break
    else:
        arena = Arena(max(size, 4))
    arena.reset(size)
    arena.in_use = True
    return arena


def _give_back_arena(arena: Arena) -> None:
    arena.in_use = False
    if os.getpid() != arena.creator:
        return
    if arena.broken:
        # A failed team may have left a lock held: never reuse its semaphores.  Unmap
        # its memory now: the exception that reports the failure keeps the team alive
        # (through its traceback) until the garbage collector runs.
        arena.close()
        return
    arena.release_exchange_pages()
    _arenas.append(arena)


def _run_team(region: Region, parent: ThreadContext, size: int) -> dict[str, Any]:
    global _region_serial
    _region_serial += 1
    staged = StagedArrays()
    call = {
        name: staged.stage(value) if is_array(value) and name not in region.readonly else value
        for name, value in region.args.items()
    }
    for name, value in call.items():  # read-only aliases of a staged array read its copy
        if name in region.readonly and is_array(value) and staged.stages_memory_of(value):
            call[name] = staged.stage(value)
    arena = _take_arena(size)
    team = Team(size, parent, arena)
    team.seeds = seeds_for_team(_region_serial)
    try:
        stage_globals(staged)
        replica = build_replica(call, region, staged)
    except BaseException:
        _give_back_arena(arena)
        staged.unstage()
        raise
    pipes = limits.report_pipes(size - 1)
    readers = {num: pipes[num - 1][0] for num in range(1, size)}
    # Everything a worker needs is built here, before the fork: a worker that only
    # picks up its prepared objects writes (and so copies) far fewer pages.
    threads = [
        ThreadContext(team, num, Coherence(replica, arena, num, size)) for num in range(size)
    ]
    region_at = location()
    words = arena.words
    team.board = deadlock.Board(
        words, arena.wait_base, size, lambda t: words[FINISHED + t], region_at, lambda: arena.lock
    )
    for thread in threads:
        thread.last_sync = f"the start of the region at {region_at}"
    if observe.observer is not None:
        region = observe.observer.team_ready(team, threads, region, region_at)
    spin = spin_seconds(size)
    watchers = [
        Liveness(arena, {t: fd for t, fd in readers.items() if t != num}, spin)
        for num in range(size)
    ]
    tasks.prepare(team)
    flush_standard_streams()
    output = RegionOutput(arena.output_lock)
    output.install()
    pids: dict[int, int] = {}
    master_pid = os.getpid()
    try:
        reaping.reap_all()  # the previous teams' workers, which exited meanwhile
        # Ctrl-C between a fork and the recording of its pid would leave a worker
        # nobody kills: hold SIGINT back until every pid is recorded.
        # Frozen, the objects the workers inherit are left alone by the workers'
        # garbage collections, which would otherwise write to (and so copy) every page
        # holding one; the master unfreezes them as soon as the workers are forked.
        gc.freeze()
        with _sigint_held():
            for num in range(1, size):
                pid = fork_worker(num, size)
                if pid == 0:  # pragma: no cover - runs in the worker (measured by the tests)
                    run_worker(
                        threads[num], watchers[num], pipes, master_pid, output, region, call
                    )
                pids[num] = team.pids[num] = pid
                affinity.bind_worker(pid, num)
        gc.unfreeze()
        for _, write_end in pipes:
            os.close(write_end)
        team.liveness = watchers[0]
        outcome = _run_master(threads[0], output, region, call)
        if isinstance(outcome[1], KeyboardInterrupt):
            raise outcome[1]  # stop the team now, not when the workers finish
        reports = _collect(readers)
        statuses = _join(pids, reports)
        if observe.observer is not None:
            observe.observer.joined(team)
    except BaseException:
        gc.unfreeze()
        output.restore()
        arena.broken = True
        arena.words[ABORT] = 1
        _kill(pids)
        for read_end, _ in pipes:
            _close_quietly(read_end)
        _give_back_arena(arena)
        staged.unstage()
        raise
    for read_end, _ in pipes:
        os.close(read_end)
    return _finish(
        team, region, staged, outcome, reports, statuses, threads[0], replica, region_at
    )


def _run_master(
    me: ThreadContext, output: RegionOutput, region: Region, call: dict[str, Any]
) -> tuple[dict[str, Any] | None, BaseException | None, bool]:
    """Thread 0's part, in the master process: (locals, exception, did_last)."""
    assert me.team is not None
    words = me.team.arena.words
    state.stack.append(me)
    pools = blas.limit()  # one thread per native pool, as in the workers
    try:
        values = region.body(me, **region.arguments(call, in_master=True)) or {}
        if me.team.board is not None:
            me.team.board.leave(me)  # the locks it still holds: nobody will unset them
        words[FINISHED] = 1
        return values, None, me.did_last
    except BaseException as exc:  # reported with the workers' failures
        words[ABORT] = 1
        if me.coherence is not None:
            explain_read_only(exc, me.coherence.replica)
        return None, exc, False
    finally:
        blas.restore(pools)
        output.restore()
        state.stack.pop()


def _collect(readers: dict[int, int]) -> dict[int, bytes]:
    """Read every worker's report until it is complete (its length is its first
    word), or until its pipe closes (the worker died before finishing it).

    A worker writes nothing after its report: the master need not wait for the
    worker's exit, which tears down a copy of the address space (reaping.py).
    ``poll``, not ``select``: select cannot watch a descriptor numbered 1024 or more.
    """
    buffers = {num: bytearray() for num in readers}
    open_fds = {fd: num for num, fd in readers.items()}
    poller = select.poll()
    for fd in open_fds:
        poller.register(fd, select.POLLIN)
    while open_fds:
        for fd, _ in poller.poll():
            chunk = os.read(fd, 1 << 20)
            data = buffers[open_fds[fd]]
            if chunk:
                data += chunk
                if not _whole(data):
                    continue
            poller.unregister(fd)
            del open_fds[fd]
    return {num: bytes(data) for num, data in buffers.items()}


def _whole(data: bytes | bytearray) -> bool:
    """Whether ``data`` is one whole report (a crash's text never looks like one:
    its first eight characters read as a length far beyond what follows)."""
    if len(data) < _HEADER.size:
        return False
    (length,) = _HEADER.unpack_from(data)
    return len(data) == _HEADER.size + length


def _join(pids: dict[int, int], reports: dict[int, bytes]) -> dict[int, int]:
    """The exit status of each worker: a worker whose report is whole is exiting
    with status 0 and is reaped later (reaping.py); one that died is waited for now,
    its status says how it ended."""
    statuses = {}
    for num, pid in list(pids.items()):
        if _whole(reports[num]):
            reaping.later(pid)
            statuses[num] = 0
        else:
            statuses[num] = os.waitpid(pid, 0)[1]
        del pids[num]
    return statuses


def _decode(data: bytes) -> WorkerReport | None:
    if len(data) < _HEADER.size:
        return None
    (length,) = _HEADER.unpack_from(data)
    if len(data) != _HEADER.size + length:
        return None
    report: WorkerReport = pickle.loads(data[_HEADER.size :])
    return report


def _finish(
    team: Team,
    region: Region,
    staged: StagedArrays,
    outcome: tuple[dict[str, Any] | None, BaseException | None, bool],
    raw_reports: dict[int, bytes],
    statuses: dict[int, int],
    master: ThreadContext,
    replica: Replica,
    region_at: str,
) -> dict[str, Any]:
    """Join: check every worker, then combine what the threads produced."""
    try:
        reports = _check_workers(team, outcome, raw_reports, statuses)
        if team.board is not None and not team.arena.words[CANCEL]:
            team.board.check_constructs()  # a cancelled region skips constructs
        for num, report in reports.items():
            private_globals.collect(num, report.private_globals)
        return _merge(region, outcome, reports, master, f"the end of the region at {region_at}")
    finally:
        _give_back_arena(team.arena)
        staged.unstage()


def _check_workers(
    team: Team,
    outcome: tuple[dict[str, Any] | None, BaseException | None, bool],
    raw_reports: dict[int, bytes],
    statuses: dict[int, int],
) -> dict[int, WorkerReport]:
    """Every worker's report, or the team's failures raised together."""
    _, master_error, _ = outcome
    errors: list[BaseException] = []
    aborted = master_error is not None and isinstance(master_error, TeamAborted)
    if master_error is not None and not aborted:
        errors.append(master_error)
    reports: dict[int, WorkerReport] = {}
    for num in sorted(raw_reports):
        report = _decode(raw_reports[num])
        status = statuses[num]
        if report is None or os.WIFSIGNALED(status) or os.WEXITSTATUS(status) != 0:
            how, stack = failures.describe_exit(status), failures.crash_stack(raw_reports[num])
            errors.append(WorkerDied(num, team.pids[num], how, stack))
            continue
        reports[num] = report
        _write_collected(report)
        if report.error is not None:
            errors.append(failures.unpack_exception(report.error))
    team.arena.broken = team.arena.broken or bool(errors) or aborted
    if errors or aborted:
        # A failed region is not on a fast path: its workers are reaped now, so the
        # program goes on with no process of the team left (as after a kill).
        reaping.reap_all()
    if errors:
        raise combined_errors(errors)
    if aborted:  # a worker aborted the team but reported nothing: should not happen
        raise OmpError("the team was aborted without a reported cause")
    return reports


def _merge(
    region: Region,
    outcome: tuple[dict[str, Any] | None, BaseException | None, bool],
    reports: dict[int, WorkerReport],
    master: ThreadContext,
    end: str,
) -> dict[str, Any]:
    """The threads' changes to shared objects applied in the master, and the values
    its names take after the region."""
    values, _, master_last = outcome
    values = values or {}
    coherence = master.coherence
    assert coherence is not None
    parts = [coherence.before_barrier(keep=True)] + [reports[num].part for num in sorted(reports)]
    coherence.after_barrier(parts, interval(master.last_sync, end), final=True)
    if coherence.stream is not None:
        coherence.stream.after_region()
    partials = [region.partials(values)]
    partials += [reports[num].partials or {} for num in sorted(reports)]
    partials = region.gathered(partials)
    last = region.last_values(values, master_last)
    for num in sorted(reports):
        if reports[num].last is not None:
            last = reports[num].last
    latest = {name: value for name, (_, value) in coherence.latest.items()}
    return region.outputs(values, partials, last, latest)


def _callers_globals() -> dict[str, Any]:
    """The globals of the code that started the region (the first frame outside
    omppy: ``parallel`` is reached through ``backend.parallel``)."""
    frame = first_user_frame(sys._getframe(1))
    return frame.f_globals if frame is not None else {}


def _write_collected(report: WorkerReport) -> None:
    out, err = report.out, report.err
    if out:
        sys.stdout.write(out)
    if err:
        sys.stderr.write(err)


@contextlib.contextmanager
def _sigint_held() -> Iterator[None]:
    """SIGINT blocked in this thread while the block runs (where the platform can)."""
    # ``_signal``'s own function: ``signal.pthread_sigmask`` turns the previous mask
    # into a set of enum members, which costs tens of microseconds per call.
    mask = getattr(_signal, "pthread_sigmask", None)
    if mask is None:
        yield
        return
    previous = mask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        mask(signal.SIG_SETMASK, previous)


def _kill(pids: dict[int, int]) -> None:
    for pid in pids.values():
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    for pid in pids.values():
        try:
            os.waitpid(pid, 0)
        except ChildProcessError:
            pass
    pids.clear()


def _close_quietly(fd: int) -> None:
    try:
        os.close(fd)
    except OSError:
        pass
