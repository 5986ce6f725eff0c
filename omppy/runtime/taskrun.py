"""Running a task on the fork backend: at once where it is created, from the
thread's own queue, or from the team's task table (reading its bytes, catching up
with its creator, publishing what it changed and leaving its result for its
creator); and what becomes of the children of a task that ends without waiting
for them."""

from __future__ import annotations

from typing import Any

from . import taskpool as tp
from .errors import ExchangeOverflow, TeamAborted
from .failures import pack_exception
from .taskcore import TaskStateCore, clock, cpu_clock, touched
from .taskdeps import Dependence
from .taskframes import Child, Frame, Kept
from .taskgroups import cancelled, contribute, reduction_copies
from .taskrace import rebound_only
from .taskspec import Spec, TaskClauses, handed_back
from .unbound import UNBOUND
from .wire import ATOMIC


class Running(TaskStateCore):
    """The running side of :class:`~.taskstate.TaskState`."""

    def run_now(
        self,
        function: Any,
        args: dict[str, Any],
        spec: Spec,
        dependences: list[Dependence],
        final: bool,
        tag: tuple[int, ...] | None = None,
    ) -> dict[str, Any]:
        """Run the task in this thread now, as plain Python would: its exception
        propagates, its ``shared`` values are returned."""
        frame = self.frames[-1]
        if dependences and frame.deps is not None:
            # Undeferred (if false, final, or it cannot travel): it still waits for
            # its predecessors, and starts from what they changed wherever they ran.
            self.wait_for(frame.deps.predecessors(dependences))
            frame.deps.record(dependences, None, self.done)
        child = Frame(0, frame.current_group(), frame.depth + 1, final, tag)
        creator = self.key_of(frame) if spec.reads or spec.writes else ""
        args = self.starting(args, spec, creator)
        if spec.in_reduction:
            args = reduction_copies(self, child, args, spec.in_reduction)
            child.order = self.new_order()
        values = self._call(function, args, child)
        if spec.in_reduction:
            contribute(self, child, values)
        published = self.published(values, spec, creator)
        if published and self.thread.coherence is not None:
            if spec.writes:  # its successors may run in other processes: all it changed
                self.thread.coherence.publish("task", published, touched(values, spec.touches))
            else:
                publish_bound(self.thread, values, tuple(published), spec.touches)
        return handed_back(values, spec)

    def run_inline(
        self, function: Any, args: dict[str, Any], clauses: TaskClauses, final: bool
    ) -> dict[str, Any]:
        """:meth:`run_now` for a task with no ``depend``, ``in_reduction`` or names a
        block in it binds: nothing to wait for or take when it starts, and of what it
        leaves, only the region's shared names it binds are published
        (:func:`publish_bound`).  Its place in python's order (for the keys tasks add
        to shared dicts) is taken only if it creates a task (``Frame.inline``).
        Undeferred tasks (``if`` false, ``final``, below the cut-off) cost a few
        microseconds more than the call."""
        frame = self.frames[-1]
        group = frame.groups[-1].ref if frame.groups else frame.group
        child = Frame(0, group, frame.depth + 1, final)
        child.inline = frame
        values = self._call(function, args, child)
        if clauses.publish:
            publish_bound(self.thread, values, clauses.publish, clauses.touches)
        shared = (*clauses.shared, *clauses.last) if clauses.last else clauses.shared
        return {n: values[n] for n in shared if n in values and values[n] is not UNBOUND}

    def _call(self, function: Any, args: dict[str, Any], frame: Frame) -> dict[str, Any]:
        """``function`` run as the task ``frame``, measured (in a team)."""
        thread = self.thread
        self.frames.append(frame)
        thread.inside.append("task")
        idle, thread.idle = thread.idle, False  # in a task: blocks are not RUNS
        if self.pool is None:  # every task runs at once: nothing to decide, no clock
            try:
                return function(thread, **args) or {}
            finally:
                thread.idle = idle
                thread.inside.pop()
                self.frames.pop()
        excluded = self.excluded
        ordering = self.ordering
        if ordering and frame.inline is None:
            self.resume(frame)
        start = clock()
        try:
            values: dict[str, Any] = function(thread, **args) or {}
        finally:
            thread.idle = idle
            thread.inside.pop()
            self.frames.pop()
            if frame.children:
                self.abandon(frame)
            if ordering and (frame.inline is None or frame.tag is not None):
                self.resume(self.frames[-1])  # (after a task run at once: if it took one)
        elapsed = clock() - start - (self.excluded - excluded)
        if not frame.cancelled:
            self.measure(function, frame.depth, elapsed)
        return values

    def _run(
        self, function: Any, args: dict[str, Any], frame: Frame, spec: Spec, creator: str
    ) -> tuple[dict[str, Any], BaseException | None, dict[str, Any]]:
        """Run a queued task: its exception is kept for whoever waits for it.  Also
        returns the arguments it started from (for :func:`rebound_only`)."""
        try:
            args = self.starting(args, spec, creator)
            if spec.in_reduction:
                args = reduction_copies(self, frame, args, spec.in_reduction)
            values = self._call(function, args, frame)
        except (TeamAborted, KeyboardInterrupt, SystemExit):
            raise
        except BaseException as error:
            return {}, error, args
        if spec.in_reduction:
            contribute(self, frame, values)
        return values, None, args

    def run_kept(self, task: Kept) -> None:
        """Run a task from this thread's own queue."""
        child = task.child
        frame = Frame(task.order, task.group, task.depth, False, task.tag)
        values: dict[str, Any] = {}
        started: dict[str, Any] = {}
        error: BaseException | None = None
        if not cancelled(self, task.group):  # else discarded: never runs (taskgroups.py)
            values, error, started = self._run(
                task.function, task.args, frame, task.spec, task.creator
            )
        spec = task.spec
        published = self.published(values, spec, task.creator)
        if self.thread.coherence is not None and (published or self._waited_elsewhere(task)):
            self.thread.coherence.publish("task", published, touched(values, spec.touches))
        if not child.orphan or error is not None:
            outcome = handed_back(rebound_only(values, started, spec.shared), spec)
            self.results[child.tid] = (outcome, error)
        if error is not None:
            self.failed.append((child, child.tid, error))
        child.finished = True
        self._count_in_group(task.group, -1)
        if self.pool is not None:
            self._count_kept(-1)

    def _waited_elsewhere(self, task: Kept) -> bool:
        """Whether another thread waits for a kept task: the owner of its taskgroup
        (its creator, waiting at ``taskwait``, is this thread)."""
        group = task.group
        if not isinstance(group, tuple) or self.pool is None:
            return False
        base = self.pool.group(group[0])
        words = self.pool.words
        return bool(
            words[base + tp.G_ID] == group[1] and words[base + tp.G_OWNER] != self.thread.num
        )

    def take(self, allowed: list[Child] | None = None) -> int:
        """A task from the team's table for this thread (its slot, now running), or
        -1.  ``allowed``: only this thread's newest task, if it is one of these."""
        pool = self.pool
        assert pool is not None
        if not pool.words[tp.QUEUED]:
            return -1
        self.lock()
        try:
            if allowed is None:
                return pool.take(self.thread.num, self.thread.size)
            newest = pool.peek_own(self.thread.num)
            if newest < 0 or not any(child.slot == newest for child in allowed):
                return -1
            return pool.take(self.thread.num, self.thread.size, own_only=True)
        finally:
            self.unlock()

    def run_slot(self, slot: int) -> None:
        """Run the task in ``slot`` (taken by this thread) and leave its result."""
        pool, coder, thread = self.pool, self.coder, self.thread
        assert pool is not None and coder is not None and thread.coherence is not None
        words = pool.words
        base = pool.slot(slot)
        tid = int(words[base + tp.S_ID])
        group = None
        if words[base + tp.S_GROUP]:
            group = (int(words[base + tp.S_GROUP]) - 1, int(words[base + tp.S_GROUP_ID]))
        if cancelled(self, group):  # discarded: never runs (taskgroups.py)
            mine = self.handed.pop(tid, None)
            self.complete(slot, b"", False, mine is not None)
            return
        coherence = thread.coherence
        began = cpu_clock()
        coherence.catch_up("while running a task")
        mine = self.handed.pop(tid, None)  # this thread made it: no bytes to read
        if mine is None:
            self.caught_up(cpu_clock() - began)
        if mine is not None:
            function, args = mine.function, mine.args
            spec, depth, order, creator = mine.spec, mine.depth, mine.order, mine.creator
            tag = mine.tag
        else:
            data_at, length = int(words[base + tp.S_DATA]), int(words[base + tp.S_DATA_LEN])
            function, args, meta = coder.loads(pool.read(data_at, length))
            spec, depth, order, creator, tag = meta
        frame = Frame(order, group, depth, False, tag)
        values, error, started = self._run(function, args, frame, spec, creator)
        outcome = handed_back(rebound_only(values, started, spec.shared), spec)
        published = self.published(values, spec, creator)
        # Even a task its creator ran: a task that depends on it may run elsewhere.
        coherence.publish("task", published, touched(values, spec.touches))
        result = b""
        if mine is not None:
            if not mine.child.orphan or error is not None:
                self.results[tid] = (outcome, error)
            if error is not None:
                self.failed.append((mine.child, tid, error))
        else:
            if error is not None or outcome:
                result = coder.dumps((outcome, None if error is None else pack_exception(error)))
            if error is not None:
                self.failed.append((slot, tid, error))
        self.complete(slot, result, error is not None, mine is not None)

    def complete(self, slot: int, result: bytes, failed: bool, mine: bool = False) -> None:
        """Mark a task of the table done: its group and successors learn it, its
        result stays for its creator, or its slot is freed when nobody will collect
        it.  A detached task whose event is not fulfilled yet completes when it is
        (``taskevents.py``)."""
        pool = self.pool
        assert pool is not None
        words = pool.words
        base = pool.slot(slot)
        overflow = False
        self.lock()
        try:
            if words[base + tp.S_DATA]:
                pool.free_block(int(words[base + tp.S_DATA]))
                words[base + tp.S_DATA] = 0
            flags = int(words[base + tp.S_FLAGS])
            # A task its creator ran keeps its result in the creator's process.
            keep = not mine and (failed or bool(flags & tp.F_KEEP and not flags & tp.F_ORPHAN))
            if keep and result:
                try:
                    words[base + tp.S_RESULT] = pool.store(result)
                    words[base + tp.S_RESULT_LEN] = len(result)
                except tp.PoolFull:
                    overflow = True
            flags |= tp.F_FAILED if failed else 0
            if flags & tp.F_DETACHED:  # complete when its event is fulfilled
                words[base + tp.S_FLAGS] = flags | tp.F_RAN | (tp.F_HOLD if keep else 0)
            else:
                words[base + tp.S_FLAGS] = flags
                pool.finish(slot, self.thread.num, keep)
        finally:
            self.unlock()
        if overflow:
            raise ExchangeOverflow(
                "a task's results do not fit in the team's task table; keep large data in "
                "omppy.shared arrays or shared objects, or raise OMPPY_EXCHANGE_MB"
            )

    def abandon(self, frame: Frame) -> None:
        """A task ends with children it did not wait for: nobody will collect their
        results (an exception among them is raised at the next barrier)."""
        if not frame.children:
            return
        pool = self.pool
        in_table = []
        for child in frame.children:
            child.orphan = True
            if child.slot < 0:
                outcome = self.results.get(child.tid)
                if outcome is not None and outcome[1] is None:
                    del self.results[child.tid]
            else:
                in_table.append(child)
        frame.children = []
        if not in_table or pool is None:
            return
        words = pool.words
        self.lock()
        try:
            for child in in_table:
                base = pool.slot(child.slot)
                if words[base + tp.S_ID] != child.tid:
                    continue
                if words[base + tp.S_STATE] != tp.DONE:
                    words[base + tp.S_FLAGS] |= tp.F_ORPHAN
                elif not words[base + tp.S_FLAGS] & tp.F_FAILED:
                    pool.free_slot(child.slot)
        finally:
            self.unlock()


def publish_bound(
    thread: Any, values: dict[str, Any], names: tuple[str, ...], touches: tuple[str, ...] | None
) -> None:
    """What a task run at once where it was created publishes: the region's shared
    names it bound (``names``), which its creator binds too but cannot publish (a
    ``single``'s end takes them from the log).  Bound to numbers and strings, the
    names go alone, a record of a few dozen bytes: what the task changed in shared
    objects is its creator's own change, published at the creator's next block,
    hand-over or barrier as if the creator had made it (a task run at once is the
    creator's code, as in python).  Otherwise the objects the task may change go
    with the names, as for a deferred task: the names may refer to them."""
    coherence = thread.coherence
    if coherence is None:
        return
    found = {n: values[n] for n in names if n in values and values[n] is not UNBOUND}
    if not found:
        return
    if ATOMIC.issuperset(map(type, found.values())):
        coherence.publish("task", found, [], closed=True)
    else:
        coherence.publish("task", found, touched(values, touches))
