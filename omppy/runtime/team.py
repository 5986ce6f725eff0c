"""Fork/join: the team of processes that runs a parallel region.

Data flow of one region::

    master (thread 0)                          worker k (forked)
    -----------------                          -----------------
    stage arrays into shared memory
    create report pipes, reset arena
    flush stdout/stderr
    fork workers 1..T-1  ------------------->  die with the master (PDEATHSIG)
                                               reseed random streams
    run body as thread 0                       run body as thread k
       barriers/work shares: arena  <------->     barriers/work shares: arena
    read reports until EOF  <-----------------  pickle report -> pipe; os._exit
    waitpid every worker (status checked)
    replay stores, combine reductions, copy staged arrays back
    raise the failures, or return the outputs

Nothing but the arena (inherited shared memory and semaphores) and one pipe per
worker connects the processes: no manager process, no connection that crosses a
fork.  What a worker does between its fork and its ``os._exit`` is ``worker.py``;
what a region asks for and how its results reach the master is ``region.py``.
"""

from __future__ import annotations

import os
import pickle
import select
import signal
import sys
from collections.abc import Callable
from typing import Any, cast

from . import blas, failures, limits, state
from .arena import ABORT, BARRIER_COUNT, BARRIER_GEN, FINISHED, WS_FIELDS, Arena, Liveness
from .context import WS_DONE, WS_ID, WS_NEXT, ThreadContext, check_phase, replay
from .errors import OmpError, TeamAborted, WorkerDied
from .forking import fork_worker
from .icv import icv
from .mutation import Mutated, Shipped, Unsent, shared_objects, state_data
from .output import RegionOutput, flush_standard_streams
from .region import Region, combined_errors
from .sharedmem import StagedArrays, is_array, is_shared
from .worker import HEADER as _HEADER
from .worker import run_worker, seeds_for_team

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
        self.roots: dict[int, Any] = {}
        self.logged_roots: dict[int, Any] = {}
        # What travels by reference in a carried item (mutation.shared_objects), once.
        self.by_reference: dict[int, Any] | None = None
        self.liveness: Liveness | None = None
        self.pids: dict[int, int] = {}  # thread number -> pid, in the master
        self.seeds: tuple[int, int | None, int] = (0, None, 0)  # for workers' random streams

    # -- used by ThreadContext --------------------------------------------------------

    def barrier_exchange(self, me: ThreadContext, parity: int, payload: Any) -> list[Any]:
        arena = self.arena
        arena.put(me.num, parity, payload)
        self._barrier()
        return [payload if t == me.num else arena.get(t, parity) for t in range(self.size)]

    def _barrier(self) -> None:
        arena = self.arena
        words = arena.words
        assert self.liveness is not None
        with arena.lock:
            generation = words[BARRIER_GEN]
            arrived = words[BARRIER_COUNT] + 1
            if arrived == self.size:
                words[BARRIER_COUNT] = 0
                words[BARRIER_GEN] = generation + 1
                semaphore = arena.barrier_sems[generation & 1]
                for _ in range(self.size - 1):
                    semaphore.release()
                return
            words[BARRIER_COUNT] = arrived
        semaphore = arena.barrier_sems[generation & 1]
        try:
            self.liveness.wait(semaphore)
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
                    words[base + 3] = 0
                    return True
                return False

        if not ready():
            assert self.liveness is not None
            self.liveness.sleep_until(ready)
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

        warnings.warn(
            "omppy: this platform has no fork(); parallel regions run sequentially",
            RuntimeWarning,
            stacklevel=4,
        )


def team_size(num_threads: Any, if_: Any) -> int:
    """How many threads a region gets: its clauses, the ICVs and the nesting limits."""
    if not CAN_FORK:
        _warn_no_fork()
        return 1
    if not if_:
        return 1
    parent = state.current()
    parent_team = parent.team
    active = parent_team.active_level if parent_team else 0
    level = (parent_team.level if parent_team else 0) + 1
    control = icv()
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
    num_threads: Any = None,
    if_: Any = True,
) -> dict[str, Any]:
    """Run ``body`` on a team; return the values the master's names get afterwards.

    ``body(_omp_t, **args, **firstprivate, **reduction_identities)`` returns its
    ``locals()``.  ``args`` are the shared names the body reads (numpy arrays among
    them are moved into shared memory unless named in ``readonly``);
    ``firstprivate`` values are copied per thread; each ``reduction`` variable
    starts from its operator's identity and is combined in thread order into the
    original.  The result maps each reduction, each ``lastprivate`` name that the
    last iteration bound, and each ``shared`` name bound in the region to the value
    the master's name must take.
    """
    region = Region(body, args, firstprivate or {}, reduction or {}, lastprivate, shared, readonly)
    size = team_size(num_threads, if_)
    parent = state.current()
    if size == 1:
        return _run_alone(region, parent)
    return _run_team(region, parent, size)


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
    team.roots = {id(value): value for value in call.values()}
    # Stores on these are logged; arrays in shared memory need no log.
    team.logged_roots = {
        key: value
        for key, value in team.roots.items()
        if not (is_array(value) and is_shared(value))
    }
    pipes = limits.report_pipes(size - 1)
    readers = {num: pipes[num - 1][0] for num in range(1, size)}
    # Everything a worker needs is built here, before the fork: a worker that only
    # picks up its prepared objects writes (and so copies) far fewer pages.
    threads = [ThreadContext(team, num) for num in range(size)]
    watchers = [
        Liveness(arena, {t: fd for t, fd in readers.items() if t != num}) for num in range(size)
    ]
    flush_standard_streams()
    output = RegionOutput(arena.output_lock)
    output.install()
    pids: dict[int, int] = {}
    master_pid = os.getpid()
    try:
        for num in range(1, size):
            pid = fork_worker(num, size)
            if pid == 0:  # pragma: no cover - runs in the worker (measured by the tests)
                run_worker(threads[num], watchers[num], pipes, master_pid, output, region, call)
            pids[num] = team.pids[num] = pid
        for _, write_end in pipes:
            os.close(write_end)
        team.liveness = watchers[0]
        outcome = _run_master(threads[0], output, region, call)
        if isinstance(outcome[1], KeyboardInterrupt):
            raise outcome[1]  # stop the team now, not when the workers finish
        reports = _collect(readers)
        statuses = {num: os.waitpid(pid, 0)[1] for num, pid in pids.items()}
        pids.clear()
    except BaseException:
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
    return _finish(team, region, staged, outcome, reports, statuses, threads[0])


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
        words[FINISHED] = 1
        return values, None, me.did_last
    except BaseException as exc:  # reported with the workers' failures
        words[ABORT] = 1
        return None, exc, False
    finally:
        blas.restore(pools)
        output.restore()
        state.stack.pop()


def _collect(readers: dict[int, int]) -> dict[int, bytes]:
    """Read every worker's report until its pipe closes (it exited or died).

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
            if chunk:
                buffers[open_fds[fd]] += chunk
            else:
                poller.unregister(fd)
                del open_fds[fd]
    return {num: bytes(data) for num, data in buffers.items()}


def _decode(data: bytes) -> dict[str, Any] | None:
    if len(data) < _HEADER.size:
        return None
    (length,) = _HEADER.unpack_from(data)
    if len(data) != _HEADER.size + length:
        return None
    report: dict[str, Any] = pickle.loads(data[_HEADER.size :])
    return report


def _finish(
    team: Team,
    region: Region,
    staged: StagedArrays,
    outcome: tuple[dict[str, Any] | None, BaseException | None, bool],
    raw_reports: dict[int, bytes],
    statuses: dict[int, int],
    master: ThreadContext,
) -> dict[str, Any]:
    """Join: check every worker, then combine what the threads produced."""
    values, master_error, master_last = outcome
    errors: list[BaseException] = []
    aborted = master_error is not None and isinstance(master_error, TeamAborted)
    if master_error is not None and not aborted:
        errors.append(master_error)
    reports: dict[int, dict[str, Any]] = {}
    for num in sorted(raw_reports):
        report = _decode(raw_reports[num])
        status = statuses[num]
        if report is None or os.WIFSIGNALED(status) or os.WEXITSTATUS(status) != 0:
            how, stack = failures.describe_exit(status), failures.crash_stack(raw_reports[num])
            errors.append(WorkerDied(num, team.pids[num], how, stack))
            continue
        reports[num] = report
        _write_collected(report)
        if report["error"] is not None:
            errors.append(failures.unpack_exception(report["error"]))
    team.arena.broken = team.arena.broken or bool(errors) or aborted
    store = {}
    if region.shared and not errors:
        published = team.arena.snapshot()[1]
        # Only what thread 0 has not seen yet: a value it already took (or published)
        # is in its objects, with every store replayed at the barriers since.
        store = {
            name: (published[name][0], pickle.loads(published[name][1]))
            for name in region.shared
            if name in published and published[name][0] > master.store_seen.get(name, -1)
        }
    _give_back_arena(team.arena)
    staged.unstage()
    if errors:
        raise combined_errors(errors)
    if aborted:  # a worker aborted the team but reported nothing: should not happen
        raise OmpError("the team was aborted without a reported cause")
    values = values or {}
    phases = [(master.stored_ids, master.published_ids, master.publish_locks)]
    for report in reports.values():
        stored_ids, published_ids = set(report.get("stored", ())), set(report.get("published", ()))
        phases.append((stored_ids, published_ids, report.get("locks", {})))
    check_phase(phases)  # since the last barrier
    logs = {num: reports[num]["log"] for num in reports if reports[num]["log"]}
    if master.log:
        logs[0] = master.log
    _refuse_item_conflicts(logs, team.roots)
    partials = [region.partials(values)]
    partials += [reports[num]["partials"] for num in sorted(reports)]
    last = region.last_values(values, master_last)
    for num in sorted(reports):
        if reports[num]["last"] is not None:
            last = reports[num]["last"]
    # The published values first (they hold everything up to the last barrier they
    # followed), then the stores made since the last barrier, on the same objects.
    outputs = region.outputs(values, partials, last, store)
    if store and master.log:
        replay(team.roots, master.log)  # thread 0's own recent stores, over the merge
    for num in sorted(reports):
        if reports[num]["log"]:
            replay(team.roots, reports[num]["log"])
            master.relay(team.roots, reports[num]["log"])
    return outputs


def _refuse_item_conflicts(logs: dict[int, list[tuple[Any, ...]]], roots: dict[int, Any]) -> None:
    """Refuse an item whose whole state one thread carries back while another thread
    also changed it (or part of it) since the last barrier: merging one would undo
    the other (``blocks[i // 4].set(i % 4, v)`` with ``schedule(static, 1)``).

    Threads that carry back the same state (a method that changed nothing, called by
    every thread on one configuration object) do not conflict.
    """
    owners: dict[tuple[Any, ...], tuple[int, Any]] = {}
    objects: dict[int, Any] | None = None

    def state(record: Any) -> bytes | None:  # pickled only when two threads meet
        nonlocal objects
        if type(record) is Mutated and objects is None:
            objects = shared_objects(roots)
        return state_data(record, objects or {})

    for num, log in logs.items():
        for root_id, path, key, value in log:
            if type(value) not in (Mutated, Shipped, Unsent):
                continue
            location = _location(root_id, path, key)
            if location is None:
                continue
            owner = owners.setdefault(location, (num, value))
            if owner[0] != num:
                mine = state(value)
                if mine is None or state(owner[1]) != mine:
                    _item_conflict()
    if not owners:
        return
    for num, log in logs.items():
        for root_id, path, key, value in log:
            if type(value) in (Mutated, Shipped, Unsent):
                continue
            location = _location(root_id, path, key)
            if location is None:
                continue
            for end in range(2, len(location) + 1):  # the item itself, or what holds it
                holder = owners.get(location[:end])
                if holder is not None and holder[0] != num:
                    _item_conflict()


def _location(root_id: Any, path: tuple[Any, ...], key: Any) -> tuple[Any, ...] | None:
    try:
        location = (root_id, *path, key)
        hash(location)
    except TypeError:
        return None
    return location


def _item_conflict() -> None:
    raise OmpError(
        "two threads changed the same item of a shared object, at least one of them by "
        "calling a method on it; omppy carries such an item back whole, so one thread's "
        "changes would undo the other's. Give each item to one thread (for example "
        "schedule(static) over whole items), or make the change with a store "
        "(items[k].field[j] = v) or under '# omp critical'"
    )


def _write_collected(report: dict[str, Any]) -> None:
    out, err = report.get("out", ""), report.get("err", "")
    if out:
        sys.stdout.write(out)
    if err:
        sys.stderr.write(err)


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
