"""Waiting on the fork backend: a thread that waits (``taskwait``, the end of a
``taskgroup``, a barrier) runs tasks meanwhile, sleeps on the table's semaphore when
there is nothing to run, collects its children's results, and at a barrier waits
until the team has no task left (``tasks.py``'s module docstring)."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from typing import Any

from . import deadlock, taskevents
from . import taskpool as tp
from .failures import unpack_exception
from .taskcore import MAX_NESTING, TaskStateCore, clock
from .taskdeps import Ref
from .taskframes import Child, Frame, all_done
from .taskrace import Collecting

# A waiting thread yields the CPU this many times, then sleeps on the table's wake
# semaphore (released whenever a task is queued or completes): on a busy machine a
# yield can give the CPU away for a whole time slice.
_SPINS = 3


class Waiting(TaskStateCore):
    """The waiting side of :class:`~.taskstate.TaskState`."""

    def wait_until(self, ready: Callable[[], bool]) -> None:
        """Run tasks (this thread's own queue first, newest first; then the team's)
        until ``ready()``, handing kept tasks to idle threads meanwhile; with nothing
        to run, sleep a little at a time, checking that the team is whole.

        Inside a synchronisation block (a ``critical`` the thread holds) only the
        current task's own children are run, as OpenMP's tied tasks allow, so that a
        task waiting for the same lock cannot make this thread wait for itself.
        """
        if ready():
            return
        thread = self.thread
        team = thread.team
        liveness = team.liveness if team is not None else None
        # A lock held: a critical, atomic or ordered block (single and master hold none).
        holding = any(k.startswith(("critical", "atomic", "ordered")) for k in thread.inside)
        spins = 0
        delay = 1e-5
        # On the team's board while it finds nothing to run (deadlock.py); a task it
        # runs may change anything, so the wait starts again after one.
        stall: Any = deadlock.NO_STALL
        try:
            while not ready():
                if self.pool is not None:
                    self.offer()
                queue = self.queue
                children = self.frames[-1].children
                if queue and (not holding or any(c is queue[-1].child for c in children)):
                    self.idle(0)
                    stall.end()
                    stall = deadlock.NO_STALL
                    self.run_kept(queue.pop())  # work of the waiting task's own, mostly
                    spins, delay = 0, 1e-5
                    continue
                if queue and self.pool is not None:
                    # Kept tasks this thread may not run while it holds a lock: nobody
                    # else can run them until they are in the team's table.
                    self.offer(force=True)
                began = clock()
                if self.pool is not None and len(self.frames) < MAX_NESTING:
                    slot = self.take(children if holding else None)
                    if slot >= 0:
                        self.idle(0)
                        stall.end()
                        stall = deadlock.NO_STALL
                        excluded = self.excluded  # what it excludes itself is in the span
                        self.run_slot(slot)
                        self.excluded = excluded + clock() - began
                        spins, delay = 0, 1e-5
                        continue
                if self.pool is None and not taskevents.others_may_fulfill():
                    # Without a team only a detached task's event keeps a wait going.
                    raise taskevents.waited_in_vain()
                self.idle(1)  # nothing to run: others hand tasks over (starving)
                if spins < _SPINS:
                    spins += 1
                    os.sched_yield()
                else:
                    if liveness is not None:
                        liveness.check()
                    if stall is deadlock.NO_STALL:
                        stall = deadlock.stall((deadlock.TASKS, 0))
                    stall.tick()
                    self.nap(delay, ready)
                    delay = min(delay * 2, 1e-2)
                self.excluded += clock() - began
        finally:
            self.idle(0)
            stall.end()

    def wait_for(self, before: list[Ref]) -> None:
        """Wait for the tasks of ``before``, which a task about to run in this thread
        depends on, and apply what they published: they may have run in another
        process (a task publishes what it changed before it is marked done)."""
        if not before:
            return
        self.wait_until(all_done(before, self.done))
        coherence = self.thread.coherence
        if coherence is not None and self.pool is not None:
            coherence.catch_up("while running a task")

    def nap(self, seconds: float, ready: Callable[[], bool]) -> None:
        """Sleep until a task is queued or completes, or ``seconds`` pass.

        The thread says it sleeps before it looks at ``ready`` a last time: whatever
        changes after that look wakes it (``TaskPool.rouse``).
        """
        pool = self.pool
        if pool is None:
            time.sleep(seconds)
            return
        flag = pool.sleep_base + self.thread.num
        pool.words[flag] = 1
        try:
            if not ready() and not pool.words[tp.QUEUED]:
                pool.wake.acquire(True, seconds)
        finally:
            pool.words[flag] = 0

    def collect(self, frame: Frame, done_only: bool = False) -> dict[str, Any]:
        """The ``shared`` values of ``frame``'s completed children, in creation order;
        the first child's exception is raised."""
        # Which children completed is settled *before* catching up: a task publishes
        # what it changed before it is marked done (``run_slot``, ``taskevents.py``),
        # so the catch-up below applies the changes of every child collected here.
        # The other way round, a child that completed in between (possible with
        # ``done_only``: ``taskwait depend``, the end of a taskgroup) was collected
        # with its changes unapplied, and a later taskwait, finding no child left,
        # does not catch up: the creator read its own stale object, exit status 0.
        finished = {id(child) for child in frame.children if self.done(child)}
        coherence = self.thread.coherence
        if coherence is not None and self.pool is not None:
            # Also without children left: a taskgroup's deeper tasks published theirs.
            coherence.catch_up("at a taskwait")
            if self.ordering:
                coherence.order_keys()
        values: dict[str, Any] = {}
        error: BaseException | None = None
        races: Collecting | None = None  # made for the first child with shared names
        if frame.elsewhere:
            races = Collecting()
            values, error = races.deliver(frame)
        if not frame.children:
            if error is not None:
                raise error
            return values
        pool, coder = self.pool, self.coder
        remaining: list[Child] = []
        freed: list[int] = []
        for child in frame.children:
            if id(child) not in finished:
                remaining.append(child)
                continue
            outcome: dict[str, Any] = {}
            failure: BaseException | None = None
            self.handed.pop(child.tid, None)
            if child.slot < 0 or child.tid in self.results:
                outcome, failure = self.results.pop(child.tid, ({}, None))
            else:
                assert pool is not None and coder is not None
                base = pool.slot(child.slot)
                words = pool.words
                if words[base + tp.S_ID] == child.tid:
                    if words[base + tp.S_RESULT]:
                        start_at = int(words[base + tp.S_RESULT])
                        length = int(words[base + tp.S_RESULT_LEN])
                        outcome, packed = coder.loads(pool.read(start_at, length))
                        if packed is not None:
                            failure = unpack_exception(packed)
                    freed.append(child.slot)
            if failure is not None and error is None:
                error = failure
            if child.noted is not None and outcome and error is None:
                races = races or Collecting()
                if not races.mine(child.noted):  # for the wait of the code that made it
                    frame.elsewhere.append((child.noted, outcome))
                    continue
                error = races.check(child.noted, outcome)  # raised once all are collected
            values.update(outcome)
        assert done_only or not remaining
        frame.children = remaining
        if freed:
            assert pool is not None
            self.lock()
            try:
                for slot in freed:
                    pool.free_slot(slot)
            finally:
                self.unlock()
        if error is not None:
            raise error
        return values

    def _races_at_barrier(self) -> None:
        """A barrier is where the tasks of a region's code hand back the region's
        shared names (by publishing them): a binding the creating code made
        meanwhile would be lost (``taskrace.py``).  Each child is checked once."""
        children = [c for c in self.frames[-1].children if c.noted is not None]
        if not children:
            return
        races = Collecting()
        for child in children:
            noted, child.noted = child.noted, None
            assert noted is not None
            outcome = self._outcome(child)
            error = races.check(noted, outcome) if outcome else None
            if error is not None:
                raise error

    def _outcome(self, child: Child) -> dict[str, Any]:
        """The ``shared`` values a completed child left, not collected (a barrier)."""
        if child.slot < 0 or child.tid in self.results:
            return self.results.get(child.tid, ({}, None))[0]
        pool, coder = self.pool, self.coder
        assert pool is not None and coder is not None
        base = pool.slot(child.slot)
        words = pool.words
        if words[base + tp.S_ID] != child.tid or not words[base + tp.S_RESULT]:
            return {}
        start_at, length = int(words[base + tp.S_RESULT]), int(words[base + tp.S_RESULT_LEN])
        outcome: dict[str, Any] = coder.loads(pool.read(start_at, length))[0]
        return outcome

    def barrier(self) -> None:
        """Every task of the team runs before a barrier completes (see the module
        docstring); the tasks this thread ran that failed unseen are raised here."""
        pool = self.pool
        if pool is None:
            return
        words = pool.words
        self.lock()
        try:
            words[tp.ARRIVED] += 1
            pool.rouse()
        finally:
            self.unlock()
        self.arrivals += 1
        target = self.thread.size * self.arrivals
        kept = range(pool.local_base, pool.local_base + self.thread.size)

        def settled() -> bool:
            return bool(
                words[tp.ARRIVED] >= target
                and words[tp.PENDING] == 0
                and not any(words[w] for w in kept)
            )

        self.wait_until(settled)
        self._races_at_barrier()
        self.handed.clear()
        failed, self.failed = self.failed, []
        for where, tid, error in failed:
            if isinstance(where, Child):
                unseen = tid in self.results
            else:
                unseen = words[pool.slot(where) + tp.S_ID] == tid
            if unseen:
                self.results.pop(tid, None)
                raise error
