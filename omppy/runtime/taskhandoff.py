"""Creating a task on the fork backend, and handing kept tasks to the team: the
cut-off's decision to run it now, the creating thread's own queue, and the move of
a task into the team's task table (publishing what its creator changed, pickling
its function and arguments: ``taskcode.py``).  ``tasks.py``'s module docstring says
when each happens."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from . import taskpool as tp
from .errors import OmpError
from .taskcode import CannotTravel
from .taskcore import RUN_NOW_SECONDS, TaskStateCore, clock, cpu_clock
from .taskdeps import Dependence, Ref
from .taskframes import Child, Kept
from .taskgroups import cancelled
from .taskspec import Spec
from .unbound import UNBOUND

if TYPE_CHECKING:
    from .taskgroups import GroupRef


class Handing(TaskStateCore):
    """The creating side of :class:`~.taskstate.TaskState`."""

    def create(
        self,
        function: Any,
        args: dict[str, Any],
        spec: Spec,
        dependences: list[Dependence],
        priority: int,
        changes: dict[str, int] | None,
        tag: tuple[int, ...] | None = None,
    ) -> bool:
        """Keep the task or hand it to the team; False when it must run now."""
        frame = self.frames[-1]
        if not dependences and self.cut_off(function, frame):
            return False
        depth = frame.depth + 1
        self.counter += 1
        child = Child(-1, -self.counter)
        group = frame.current_group()
        order = self.new_order() if spec.in_reduction else 0
        creator = self.key_of(frame) if spec.reads or spec.writes else ""
        task = Kept(function, args, spec, depth, group, child, changes, order, creator, tag)
        if dependences or priority > 0:
            before = frame.deps.predecessors(dependences) if frame.deps else []
            try:
                self.hand_over(task, before, priority)
            except (CannotTravel, tp.PoolFull):
                return False
            frame.children.append(child)
            self.dependences(frame).record(dependences, (child.slot, child.tid), self.done)
            return True
        frame.children.append(child)
        self._count_in_group(group, 1)
        self._count_kept(1)
        self.queue.append(task)
        self.offer()
        return True

    def offer(self, force: bool = False) -> None:
        """Hand this thread's oldest kept tasks to the team while it lacks work;
        ``force``: all of them (this thread may not run them, see :meth:`wait_until`)."""
        queue = self.queue
        while queue and (force or self.starving()):
            task = queue[0]
            if cancelled(self, task.group):  # discarded here rather than sent
                self.run_kept(queue.popleft())
                continue
            measured = self.measured(task.function, task.depth)
            if not force and measured is not None and measured < RUN_NOW_SECONDS:
                return  # measured since it was kept: its creator runs it
            if not force and not self.worth_handing(task):
                return  # moving its data would cost more than running it here
            queue.popleft()
            began, cpu_began = clock(), cpu_clock()
            try:
                self.hand_over(task, [], 0, kept=True)
            except (CannotTravel, tp.PoolFull):
                if not self.may_run_here(task):
                    # Inside a task, only its own children may run here (OpenMP's
                    # tied tasks): a sibling that sets the lock this task holds
                    # (tasking.10) would wait for ever.  It stays for a wait.
                    queue.appendleft(task)
                    return
                self.run_kept(task)  # not to be offered again; it would fail again
                return
            finally:
                spent = clock() - began
                self.excluded += spent  # not the waiting task's work
            self.handed_in(spent, cpu_clock() - cpu_began)

    def may_run_here(self, task: Kept) -> bool:
        """Whether this thread may start ``task`` now, in the middle of the task it
        runs: in the region's implicit task any; in an explicit task (tied) only its
        own children, as OpenMP's task scheduling constraint allows."""
        frames = self.frames
        return len(frames) == 1 or any(c is task.child for c in frames[-1].children)

    def hand_over(
        self,
        task: Kept,
        before: list[Ref],
        priority: int,
        kept: bool = False,
        reserved: bool = False,
    ) -> None:
        """Put ``task`` in the team's table (see the module docstring);
        :class:`CannotTravel` or :class:`~.taskpool.PoolFull` when it cannot go.
        ``reserved``: its child names a slot reserved for it (``taskevents.py``)."""
        pool, coder, thread = self.pool, self.coder, self.thread
        assert pool is not None and coder is not None and thread.coherence is not None
        coherence = thread.coherence
        replica = coherence.replica
        adopted = {}
        for name in task.changes or ():
            value = task.args.get(name, UNBOUND)
            if value is not UNBOUND and replica.token_of(value) is None:
                adopted[f"{name} (handed to a task)"] = value
        try:
            # What this thread changed, and the objects it makes shared, by name: the
            # task finds them wherever it runs.
            coherence.publish("task", adopted, None)
        except OmpError:
            raise
        except Exception as error:  # nothing was published: the task runs here
            raise CannotTravel(str(error)) from None
        try:
            meta = (task.spec, task.depth, task.order, task.creator, task.tag)
            payload = coder.dumps((task.function, task.args, meta))
        except CannotTravel:
            raise
        except Exception as error:  # a value that cannot be pickled: run it here
            raise CannotTravel(str(error)) from None
        words = pool.words
        child = task.child
        self.lock()
        try:
            if reserved:  # a detached task: its slot is counted already (taskevents.py)
                slot, tid = child.slot, child.tid
                data = pool.store(payload)
                try:
                    self._add_edges(before, slot, tid)
                except tp.PoolFull:
                    pool.free_block(data)
                    raise
            else:
                slot = pool.alloc_slot()
                try:
                    data = pool.store(payload)
                    tid = pool.new_id()
                    self._add_edges(before, slot, tid)
                except tp.PoolFull:
                    pool.free_slot(slot)  # edges to a freed slot are ignored
                    raise
            base = pool.slot(slot)
            words[base + tp.S_ID] = tid
            words[base + tp.S_STATE] = tp.BLOCKED
            words[base + tp.S_DATA] = data
            words[base + tp.S_DATA_LEN] = len(payload)
            words[base + tp.S_CREATOR] = thread.num
            words[base + tp.S_PRIORITY] = max(0, priority)
            flags = tp.F_KEEP if task.spec.shared or task.spec.last else 0
            flags |= int(words[base + tp.S_FLAGS])  # F_DETACHED stays
            words[base + tp.S_FLAGS] = flags | (tp.F_ORPHAN if child.orphan else 0)
            if not reserved:
                self.count_in_table(base, task.group, kept)
            if words[base + tp.S_UNMET] == 0:
                pool.push(thread.num, slot)
        finally:
            self.unlock()
        child.slot, child.tid = slot, tid
        self.handed[tid] = task
        if kept:
            self._count_kept(-1)

    def _add_edges(self, before: list[Ref], slot: int, tid: int) -> None:
        """``slot`` waits for the tasks of ``before`` that have not completed."""
        pool = self.pool
        assert pool is not None
        words = pool.words
        for other, other_id in before:
            other_base = pool.slot(other)
            if words[other_base + tp.S_ID] == other_id and (
                words[other_base + tp.S_STATE] != tp.DONE
            ):
                pool.add_edge(other, slot, tid)

    def count_in_table(self, base: int, group: GroupRef | None, kept: bool) -> None:
        """A task enters the table at ``base``: it belongs to ``group`` (counted there
        unless it was counted when kept) and is pending."""
        pool = self.pool
        assert pool is not None
        words = pool.words
        if isinstance(group, tuple):
            group_base = pool.group(group[0])
            if words[group_base + tp.G_ID] == group[1]:
                words[base + tp.S_GROUP] = group[0] + 1
                words[base + tp.S_GROUP_ID] = group[1]
                if not kept:  # a kept task is counted in its group already
                    words[group_base + tp.G_COUNT] += 1
        words[tp.PENDING] += 1
