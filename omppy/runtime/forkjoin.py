"""Fork/join: a parallel region on a team of forked processes (the fork backend).

Data flow of one region::

    master (thread 0)                          worker k (forked)
    -----------------                          -----------------
    stage arrays into shared memory
    create report pipes, reset arena
    flush stdout/stderr
    fork workers 1..T-1  ------------------->  die with the master (PDEATHSIG)
    reap the previous team's workers           reseed random streams
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
fork.  This module is the master's part up to the join, and the arenas it keeps for
its next team; the team its threads share is ``team.py``; what a worker does between
its fork and its ``os._exit`` is ``worker.py``; the reports read, checked and merged
at the join are ``join.py``; what a region asks for and how its results reach the
master is ``region.py``.
"""

from __future__ import annotations

import _signal
import contextlib
import functools
import gc
import mmap
import os
import signal
import sys
from collections import deque
from collections.abc import Callable, Iterator
from typing import Any

from . import (
    affinity,
    blas,
    deadlock,
    failedstate,
    files,
    join,
    limits,
    observe,
    private_globals,
    reaping,
    state,
    tasks,
)
from .arena import ABORT, CANCEL, FINISHED, Arena, Liveness, spin_seconds
from .coherence import Coherence
from .forked import team_seeds
from .forking import fork_worker
from .join import Outcome
from .output import RegionOutput, flush_standard_streams
from .reduction import identity, zero_identity
from .region import Region, TeamRequest
from .replica import Replica
from .sharedmem import StagedArrays, allocate, is_array, originals
from .team import Team, team_size
from .thread import ThreadContext
from .watch import build_replica, explain_read_only, stage_globals
from .where import location
from .worker import _SIGINT_ONLY, run_worker

_arenas: list[Arena] = []  # this process's idle arenas, reused by its next team
# Plain ints for ``_signal.pthread_sigmask``, made once.
_SIG_BLOCK, _SIG_SETMASK = int(signal.SIG_BLOCK), int(signal.SIG_SETMASK)
_region_serial = 0


def parallel(region: Region, request: TeamRequest) -> dict[str, Any]:
    """Run ``region`` on a team of forked processes; return the values the master's
    names get afterwards (``backend.parallel`` says what the clauses mean)."""
    if tasks.ENABLED:  # the region's end waits for its tasks
        region = region.replace(body=tasks.region_body(region.body))
    size = team_size(request.num_threads, request.if_)
    parent = state.current()
    if size == 1:
        return run_alone(region, parent)
    reaping.wait_for_releases()  # the last region's unmap, done before this one looks
    slots = reduction_slots(region.reduction, size)
    if slots:
        region = region.replace(slots=slots)
    private_globals.begin_region(request.copyin, request.namespace or {})
    staged = StagedArrays()
    try:
        with affinity.team_places(size, request.proc_bind):
            if observe.observer is not None:  # OMPPY_TRACE, OMPPY_REPORT, OMPPY_PROGRESS
                team = functools.partial(_run_team, staged=staged)
                return observe.observer.region(team, region, parent, size)
            return _run_team(region, parent, size, staged)
    finally:
        # The last references to its big shared memory: unmapped off the path (reaping.py).
        held = [*slots.values(), *staged.done]
        slots.clear()
        staged.done.clear()
        reaping.release_later(held)


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
        if zero_identity(op, value):  # fresh shared memory is zeros already
            slots[name] = allocate((size - 1, *value.shape), value.dtype)
            continue
        start = identity(op, value)
        if not is_array(start) or start.shape != value.shape:
            continue
        block = allocate((size - 1, *start.shape), start.dtype)
        block[...] = start
        slots[name] = block
    return slots


# madvise(MADV_POPULATE_WRITE) (Linux 5.14): the pages allocated as a write would,
# the memory left as it is.  Python's ``mmap`` names it from 3.13 on.
_POPULATE_WRITE = getattr(mmap, "MADV_POPULATE_WRITE", 23)


def share_slot_pages(slots: dict[str, Any], size: int) -> None:
    """Allocate, in the master, the last 1/``size`` of each worker's reduction slot.

    A slot is fresh shared memory: its 4 KiB pages (shmem has no huge pages here)
    are allocated and zeroed on their first write, 0.6 us a page, 120-130 ms for
    200 MB, which the worker paid alone in its loop while the master, done first,
    waited for it.  The master takes its share of that cost now, as its team starts:
    the pages it allocates are the worker's to map (a cheap fault: the page is
    there), and their contents are untouched (zeros, or the identity written before
    the fork), so it does not matter whether the worker writes them first.  The end
    of the slot: the worker's first pass over it starts at the front.
    """
    if sys.platform != "linux":
        return
    for block in slots.values():
        memory = block.base
        if not isinstance(memory, mmap.mmap) or len(block) == 0:
            continue
        each = block[0].nbytes
        for num in range(len(block)):
            end = (num + 1) * each
            start = (end - each // size) // mmap.PAGESIZE * mmap.PAGESIZE
            try:
                memory.madvise(_POPULATE_WRITE, start, end - start)
            except (OSError, ValueError):  # an older kernel: the worker allocates them
                return


def run_alone(region: Region, parent: ThreadContext) -> dict[str, Any]:
    """A team of one (``if`` false, nesting inactive, no fork): no processes at all."""
    me = ThreadContext(Team(1, parent, None), 0)
    me.nested = region.nested
    state.stack.append(me)
    try:
        values = region.body(me, **region.arguments(region.args, in_master=True)) or {}
    except BaseException as exc:
        failedstate.alone(region, exc)
        raise
    finally:
        state.stack.pop()
    try:
        last = region.last_values(values, me.did_last)
        return region.outputs(values, [region.partials(values)], last)
    finally:
        me.let_go()


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


def _run_team(
    region: Region, parent: ThreadContext, size: int, staged: StagedArrays
) -> dict[str, Any]:
    global _region_serial
    _region_serial += 1
    call = {
        name: staged.stage(value) if is_array(value) and name not in region.readonly else value
        for name, value in region.args.items()
    }
    for name, value in call.items():  # read-only aliases of a staged array read its copy
        if name in region.readonly and is_array(value) and staged.stages_memory_of(value):
            call[name] = staged.stage(value)
    arena = _take_arena(size)
    team = Team(size, parent, arena)
    team.seeds, team.numpy_seeding = team_seeds(_region_serial, size)
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
    if region.reduction:
        for thread in threads:
            thread.reductions = region.reduction
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
    team.files = files.gather_region(call, getattr(region.body, "__globals__", None))
    if team.files is not None:
        team.files.before_fork()
    flush_standard_streams()
    output = RegionOutput(arena.output_lock)
    output.install()
    pids: dict[int, int] = {}
    master_pid = os.getpid()
    # One thread per native pool in every thread of the team: set before the fork,
    # inherited by the workers, given back once every report is in (blas.py says
    # why not after the fork).
    pools = blas.limit()
    try:
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
        # The previous teams' workers, exiting since their reports came in: reaped
        # after this team's fork, so that their exit overlaps its start (reaping.py).
        reaping.reap_all()
        if region.slots:
            share_slot_pages(region.slots, size)
        team.liveness = watchers[0]
        # The master's wait is free time only when the team and the rest of the load
        # fit the CPUs (as for spinning): then it touches what it will free meanwhile.
        prepared = (threads, watchers) if spin else None
        outcome = _run_master(threads[0], output, region, call, prepared)
        if isinstance(outcome[1], KeyboardInterrupt):
            raise outcome[1]  # stop the team now, not when the workers finish
        reports = join.collect(readers)
        if team.files is not None:
            team.files.after_join()  # the offsets the workers moved (files.py)
        statuses = join.exit_statuses(pids, reports)
        if observe.observer is not None:
            observe.observer.joined(team)
    except BaseException:
        gc.unfreeze()
        output.restore()
        blas.restore(pools)
        arena.broken = True
        arena.words[ABORT] = 1
        _kill(pids)
        for read_end, _ in pipes:
            _close_quietly(read_end)
        _give_back_arena(arena)
        staged.unstage()
        raise
    blas.restore(pools)
    for read_end, _ in pipes:
        os.close(read_end)
    outputs = _finish(
        team, region, staged, outcome, reports, statuses, threads[0], replica, region_at
    )
    return originals(outputs, call, region.args)


def _run_master(
    me: ThreadContext,
    output: RegionOutput,
    region: Region,
    call: dict[str, Any],
    prepared: tuple[Any, ...] | None = None,
) -> Outcome:
    """Thread 0's part, in the master process: (locals, exception, did_last).

    ``prepared``: what the master built for the team before the fork (thread
    contexts, watchers), touched with the replica while it waits for the workers
    (:func:`touch_before_freeing`); None: not touched."""
    assert me.team is not None
    words = me.team.arena.words
    state.stack.append(me)
    try:
        values = region.body(me, **region.arguments(call, in_master=True)) or {}
        if me.coherence is not None:
            # Its changes, compared now, while the workers finish theirs (join.merge
            # takes them): the master has nothing else to do until their reports.
            me.coherence.final_part = me.coherence.before_barrier(keep=True)
        if me.team.board is not None:
            me.team.board.leave(me)  # the locks it still holds: nobody will unset them
        words[FINISHED] = 1
        if me.coherence is not None and prepared is not None:
            size = me.team.size

            def done() -> bool:
                return all(words[FINISHED + num] for num in range(1, size))

            touch_before_freeing(done, me.coherence.replica, *prepared)
        return values, None, me.did_last
    except BaseException as exc:  # reported with the workers' failures
        me.team.failed(me, exc)
        if me.coherence is not None:
            explain_read_only(exc, me.coherence.replica)
        return None, exc, False
    finally:
        output.restore()
        state.stack.pop()


def touch_before_freeing(done: Callable[[], bool], *built: Any) -> None:
    """Write, now, the pages that freeing ``built`` at the region's end will write.

    The replica and the team's contexts were built before the fork, so their pages
    (and those of the objects they hold a reference to) are shared with the workers
    until they exit.  Freeing them at the region's end writes every one of those
    pages (reference counts, the allocator's free lists): a copy each, 2-3 us, while
    a worker still maps it, on the region's path after the last report.  Touching
    their reference counts here, while the master waits for its workers anyway,
    takes most of those copies off that path.

    Only omppy's own records are looked into (their attributes, and the lists,
    tuples and dicts they keep as tables, whose items are touched by iterating
    them, not looked into): no code of the program runs, and no object changes
    but for a reference count going up and down.  It stops once ``done()`` (every
    worker has finished: then it would only delay the master).
    """
    referents = gc.get_referents
    seen: set[int] = set()
    records = deque(built)  # breadth first: the replica's shadows before the rest
    while records:
        if done():
            return
        record = records.popleft()
        if id(record) in seen:
            continue
        seen.add(id(record))
        try:  # never a ``__getattr__`` of the record's class
            attributes = object.__getattribute__(record, "__dict__")
        except AttributeError:
            attributes = None
        if type(attributes) is dict:
            values: Any = (*attributes.values(),)
        else:  # slots
            values = referents(record)
        for value in values:
            kind = type(value)
            if kind is dict and len(value) <= _TOUCH_LIMIT:
                for _key, item in value.items():  # the keys touched too
                    if _is_record(item):
                        records.append(item)
            elif (kind is list or kind is tuple) and len(value) <= _TOUCH_LIMIT:
                for item in value:
                    if _is_record(item):
                        records.append(item)
            elif kind is not type and _is_record(value):
                records.append(value)


_TOUCH_LIMIT = 1 << 12  # a longer table is left to the free (bounds the overshoot past done())


def _is_record(value: Any) -> bool:
    """An object of one of omppy's own classes (whose attributes are its tables).
    ``type.__getattribute__``: a metaclass of the program's is never asked."""
    try:
        module = type.__getattribute__(type(value), "__module__")
    except AttributeError:
        return False
    return type(module) is str and module.startswith("omppy.")


def _finish(
    team: Team,
    region: Region,
    staged: StagedArrays,
    outcome: Outcome,
    raw_reports: dict[int, bytearray],
    statuses: dict[int, int],
    master: ThreadContext,
    replica: Replica,
    region_at: str,
) -> dict[str, Any]:
    """Join: check every worker, then combine what the threads produced."""
    try:
        reports = join.check_workers(
            team, outcome, raw_reports, statuses, master, region, bool(staged.pairs), region_at
        )
        if team.board is not None and not team.arena.words[CANCEL]:
            team.board.check_constructs()  # a cancelled region skips constructs
        for num, report in reports.items():
            private_globals.collect(num, report.private_globals)
        end = f"the end of the region at {region_at}"
        # Every thread is done: an array frozen for the region (a module global,
        # large, uncompared) may be a reduction's original, which the combine writes.
        staged.thaw()
        return join.merge(region, outcome, reports, master, end)
    finally:
        master.let_go()
        _give_back_arena(team.arena)
        staged.unstage()


@contextlib.contextmanager
def _sigint_held() -> Iterator[None]:
    """SIGINT blocked in this thread while the block runs (where the platform can)."""
    # ``_signal``'s own function: ``signal.pthread_sigmask`` turns the previous mask
    # into a set of enum members, which costs tens of microseconds per call.
    mask = getattr(_signal, "pthread_sigmask", None)
    if mask is None:
        yield
        return
    previous = mask(_SIG_BLOCK, _SIGINT_ONLY)
    try:
        yield
    finally:
        mask(_SIG_SETMASK, previous)


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
