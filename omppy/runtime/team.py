"""A team of forked processes: how many threads a region gets, and what those
threads share in the arena.

:class:`Team` is the team as its threads see it: the barrier (with the exchange of
values), the work-share records and the chunks of dynamic and guided loops, all in
the team's arena (arena.py).  :func:`team_size` applies the ``num_threads`` and
``if`` clauses, the ICVs and the nesting limits (the threads and dask backends use
:func:`requested_team_size`).  Forking a team and running a region on it is
``forkjoin.py``; what the master does with its workers' reports, ``join.py``.
"""

from __future__ import annotations

import operator
import os
import sys
from typing import TYPE_CHECKING, Any, cast

from . import deadlock, deadlock_errors, state
from .arena import (
    ABORT,
    BARRIER_COUNT,
    BARRIER_GEN,
    FINISHED,
    LOG_MARK,
    LOG_SEQ,
    WORKSHARE_RING,
    WS_DONE,
    WS_FIELDS,
    WS_ID,
    WS_NEXT,
    WS_ORDERED,
    Arena,
    Liveness,
)
from .errors import AbortedBetween, TeamAborted
from .firstfailure import mark_of, runs_before
from .icv import ControlVariables, icv
from .tracebacks import is_internal
from .waitsite import ANY_SITE, barrier_site

if TYPE_CHECKING:
    from .files import TeamFiles
    from .forked import NumpySeeding
    from .thread import ThreadContext

CAN_FORK = hasattr(os, "fork") and sys.platform != "win32"


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
        self.numpy_seeding: NumpySeeding | None = None  # how they seed numpy (forked.py)
        # Deferred tasks (tasks.py): the same in every thread, decided before the fork.
        self.tasking = False
        self.files: TeamFiles | None = None  # open files the region can name (files.py)

    # -- used by ThreadContext --------------------------------------------------------

    def barrier_exchange(
        self, me: ThreadContext, parity: int, payload: Any, *, any_site: bool = False
    ) -> list[Any]:
        """``any_site``: this thread's barrier matches any other's (waitsite.ANY_SITE)."""
        arena = self.arena
        arena.put(me.num, parity, payload)
        self._barrier(any_site)
        return [payload if t == me.num else arena.get(t, parity) for t in range(self.size)]

    def _barrier(self, any_site: bool = False) -> None:
        arena = self.arena
        words = arena.words
        assert self.liveness is not None
        me = state.current().num
        site = ANY_SITE if any_site else barrier_site()
        words[arena.site_base + me] = site
        with arena.lock:
            generation = words[BARRIER_GEN]
            arrived = words[BARRIER_COUNT] + 1
            if arrived == self.size:
                sites = words[arena.site_base : arena.site_base + self.size].tolist()
                if len(set(sites) - {ANY_SITE}) > 1:
                    # Threads at different barriers would release each other here.
                    raise deadlock_errors.at_different_barriers(sites)
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
                raise deadlock_errors.at_barrier(gone, self.size)

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
        base = arena.ws_base + (construct % WORKSHARE_RING) * WS_FIELDS
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
        lock = getattr(self.arena, "lock", None)
        if lock is None:
            # The region is over and its arena closed: a failed loop's generator,
            # kept by the exception's traceback, is closed only when the program lets
            # go of the exception (after ``except ValueError as e:``). Nobody waits.
            return
        with lock:
            self.arena.words[base + WS_DONE] += 1

    def failed(self, thread: ThreadContext, error: BaseException) -> None:
        """``thread`` failed with ``error``: the team stops, but for iterations that
        come before the failure in python's order (the abort mark, firstfailure.py)."""
        words = self.arena.words
        mark = mark_of(thread, error)
        if not mark:
            return
        with self.arena.lock:
            old = words[ABORT]
            if not old or mark < old:
                words[ABORT] = mark

    def grab(
        self, base: int, n: int, chunk: int, guided: bool, loops: int | None = None
    ) -> tuple[int, int]:
        """The next chunk ``[start, stop)`` of a dynamic or guided loop; ``loops``:
        the loops the thread has begun, when a chunk before a teammate's failure in
        python's order is to run still (firstfailure.py)."""
        arena = self.arena
        words = arena.words
        with arena.lock:
            start = words[base + WS_NEXT]
            mark = words[ABORT]
            if mark and (loops is None or not runs_before(mark, loops, start)):
                raise AbortedBetween("another thread of the team failed")
            size = max(chunk, -(-(n - start) // self.size)) if guided else chunk
            words[base + WS_NEXT] = start + size
        return start, start + size


# -- how many threads ------------------------------------------------------------------


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


def requested_team_size(
    num_threads: Any,
    if_: Any,
    parent: ThreadContext | None = None,
    control: ControlVariables | None = None,
) -> int:
    """:func:`team_size` where threads can be started (the threads backend uses it).
    ``parent``, ``control``: the calling thread's context and ICVs, if read already."""
    if not if_:
        return 1
    if control is None:
        control = icv()
    if parent is None:
        parent = state.current()
    parent_team = parent.team
    active = parent_team.active_level if parent_team else 0
    level = (parent_team.level if parent_team else 0) + 1
    if active >= control.max_active_levels:
        return 1
    if num_threads is None:
        size = control.team_size_at(level)
    else:
        try:
            # OpenMP's num_threads is a positive integer: "3" or 2.5 is a mistake to
            # report, not a number to convert (int() ran "3" as 3 and 2.5 as 2).
            size = operator.index(num_threads)
        except TypeError:
            raise TypeError(
                f"num_threads must be an integer, got {num_threads!r} "
                f"({type(num_threads).__name__})"
            ) from None
        if size < 1:
            raise ValueError(f"num_threads must be positive, got {size}")
    if size > control.thread_limit:
        _warn_capped(size, control.thread_limit, num_threads is not None)
    # OMP_THREAD_LIMIT bounds every thread of the program: a nested team shares the
    # limit with the teams around it.
    enclosing = 1
    context = parent
    while context.team is not None:
        enclosing *= context.size
        context = context.team.parent
    return max(1, min(size, control.thread_limit // enclosing))


_warned_capped = False


def _warn_capped(size: int, limit: int, clause: bool) -> None:
    """A team asked for more threads than the thread limit gets the limit (OpenMP's
    rule), with this warning, once: 1,000,000 processes is a typo, not a plan."""
    global _warned_capped
    if _warned_capped:
        return
    _warned_capped = True
    import warnings  # (deferred: this is a mistake's path, never a region's)

    asked = f"num_threads({size})" if clause else f"a team of {size} (OMP_NUM_THREADS)"
    # Attributed to the first frame outside omppy: the region's line in the program.
    level, frame = 1, sys._getframe()
    while frame.f_back is not None and is_internal(frame.f_code):
        frame, level = frame.f_back, level + 1
    warnings.warn(
        f"omppy: {asked} asks for more threads than the thread limit, {limit}: the team "
        f"has {limit} threads; set OMP_THREAD_LIMIT to allow more. (Shown once.)",
        RuntimeWarning,
        stacklevel=level,
    )
