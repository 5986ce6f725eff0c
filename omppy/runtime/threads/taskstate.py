"""One thread's tasks on the threads backend (:class:`ThreadTasks`): its stack of
frames, python's order of the keys its tasks add to shared dicts, running a task
(at once or deferred), waiting (running tasks meanwhile), collecting its children's
results, and its part of a barrier.  ``threads/tasks.py`` tells the story."""

from __future__ import annotations

import copy
import sys
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from .. import taskevents
from ..errors import OmpError, TeamAborted
from ..taskdeps import Dependence, Dependences
from ..taskrace import rebound_only
from ..taskspec import Spec, bound, handed_back, no_task_reduction
from ..tracebacks import first_user_frame
from .taskqueue import (
    Frame,
    Group,
    Task,
    TeamTasks,
    ThreadEvent,
    cancelled,
    is_done,
    new_order,
)

if TYPE_CHECKING:
    from .context import ThreadedContext

MAX_NESTING = 40  # tasks run inside one another by one thread before it only waits
WAKE_EVERY = 0.05  # seconds a waiting thread sleeps before it checks the team again
ABORTED = "the team was aborted by a failure in another thread"


def state_of(me: ThreadedContext) -> ThreadTasks:
    tasks = me.task_state
    if tasks is None:
        tasks = me.task_state = ThreadTasks(me)
    return tasks


class ThreadTasks:
    """One thread's tasks: its stack of frames and the tasks it ran that failed."""

    def __init__(self, me: ThreadedContext) -> None:
        self.me = me
        self.pool: TeamTasks | None = me.team.tasks
        self.frames = [Frame(None, 0, False, None)]
        self.failed: list[Task] = []  # tasks it ran that failed: raised at a barrier
        self.arrivals = 0

    # -- python's order of the keys tasks add to shared dicts --------------------------

    def ordering(self) -> bool:
        return self.me.new_keys is not None

    def _base(self, frame: Frame) -> tuple[int, ...]:
        if frame.tag is not None:
            return frame.tag
        me = self.me
        loop = (me.loops, me.chunk_start)
        if frame.base[:-1] != loop:
            frame.base, frame.created = (*loop, me.num), 0
        return frame.base

    def tag(self, frame: Frame) -> tuple[int, ...]:
        """The place of ``frame``'s next child in python's order: its creator's place,
        then ``(n, 0)`` for the n-th child; the creator goes on at ``(n, 1)``."""
        base = self._base(frame)
        frame.created += 1
        return (*base, frame.created, 0)

    def resume(self, frame: Frame) -> None:
        """``frame`` runs on: the keys it adds come after the tasks it created."""
        base = self._base(frame)
        self.me.task_tag = (*base, frame.created, 1) if frame.created else frame.tag

    # -- running ---------------------------------------------------------------------

    def call(self, function: Any, args: dict[str, Any], frame: Frame) -> dict[str, Any]:
        """Run ``function`` as the task ``frame`` in this thread."""
        me = self.me
        self.frames.append(frame)
        me.inside.append("task")
        idle, me.idle = me.idle, False  # in a task: blocks are not RUNS
        tag, me.task_tag = me.task_tag, frame.tag
        me.in_task += 1
        try:
            values: dict[str, Any] = function(me, **args) or {}
            return values
        finally:
            me.idle = idle
            me.in_task -= 1
            me.task_tag = tag
            me.inside.pop()
            self.frames.pop()

    def starting(self, args: dict[str, Any], spec: Spec, creator: Frame) -> dict[str, Any]:
        """A task's arguments as it starts: the newest published values of its
        ``fresh`` names, and the values its predecessors left in the names it reads."""
        if spec.fresh:
            args = {**args, **self.me.team.fresh(spec.fresh)}
        if spec.reads:
            left, scope = creator.left, spec.scope
            args = {**args, **{n: left[n, scope] for n in spec.reads if (n, scope) in left}}
        return args

    def ended(self, values: dict[str, Any], spec: Spec, creator: Frame, frame: Frame) -> None:
        """What a task hands on when it ends: in_reduction partials, the region's
        shared names it binds, and the names it leaves for its successors."""
        if spec.in_reduction:
            by_group: dict[int, tuple[Group, dict[str, Any]]] = {}
            for name, group in frame.targets.items():
                if name in values:
                    by_group.setdefault(id(group), (group, {}))[1][name] = values[name]
            for group, partial in by_group.values():
                group.partials.append((frame.order, partial))
        published = {n: values[n] for n in spec.publish if bound(values, n)}
        if published:
            self.me.team.publish(published)
        for name in spec.writes:
            if bound(values, name):
                creator.left[name, spec.scope] = values[name]

    def reduction_copies(
        self, frame: Frame, args: dict[str, Any], in_reduction: dict[str, str]
    ) -> dict[str, Any]:
        args = dict(args)
        for name, op in in_reduction.items():
            group = frame.group
            while group is not None:
                if name in group.spec and group.spec[name][0] == op:
                    args[name] = copy.deepcopy(group.spec[name][1])
                    frame.targets[name] = group
                    break
                group = group.parent
            else:
                raise OmpError(no_task_reduction(op, name))
        return args

    def run_now(
        self,
        function: Any,
        args: dict[str, Any],
        spec: Spec,
        dependences: list[Dependence],
        final: bool,
        tag: tuple[int, ...] | None,
    ) -> dict[str, Any]:
        """Run the task in this thread now: its exception propagates, its ``shared``
        values are returned."""
        frame = self.frames[-1]
        if dependences and frame.deps is not None:
            before: list[Task] = frame.deps.predecessors(dependences)  # type: ignore[assignment]
            if before:
                self.wait_until(lambda: all(t.done for t in before))
            frame.deps.record(dependences, None, is_done)  # type: ignore[arg-type]
        child = Frame(frame.current_group(), frame.depth + 1, final, tag)
        args = self.starting(args, spec, frame)
        if spec.in_reduction:
            args = self.reduction_copies(child, args, spec.in_reduction)
            child.order = new_order()
        values = self.call(function, args, child)
        self.ended(values, spec, frame, child)
        return handed_back(values, spec)

    def defer(
        self,
        function: Any,
        args: dict[str, Any],
        spec: Spec,
        dependences: list[Dependence],
        priority: int,
        tag: tuple[int, ...] | None,
        event: ThreadEvent | None = None,
    ) -> None:
        pool = self.pool
        assert pool is not None
        frame = self.frames[-1]
        task = Task(function, args, spec, frame, self.me.num, tag, priority)
        if spec.shared:
            task.site = user_site()
        if event is not None:  # detach: it completes when the event is fulfilled too
            task.event, event.task = event, task
        before: list[Task] = []
        if dependences:
            if frame.deps is None:
                frame.deps = Dependences()
            before = frame.deps.predecessors(dependences)  # type: ignore[assignment]
            frame.deps.record(dependences, task, is_done)  # type: ignore[arg-type]
        frame.children.append(task)
        pool.submit(task, before)

    def run_detached_now(
        self,
        function: Any,
        args: dict[str, Any],
        spec: Spec,
        dependences: list[Dependence],
        final: bool,
        tag: tuple[int, ...] | None,
        event: ThreadEvent,
    ) -> dict[str, Any]:
        """Run a detached task now (as :meth:`run_now`); it completes when its event is
        fulfilled too, and its creator's waits wait for that."""
        frame = self.frames[-1]
        task = Task(function, {}, spec, frame, self.me.num, tag, 0)
        task.event, event.task = event, task
        pool = self.pool
        if pool is None:
            # No team: as with python, its successors need only its body to have run
            # (none of them could be deferred until the event is fulfilled).
            try:
                return self.run_now(function, args, spec, dependences, final, tag)
            finally:
                frame.children.append(task)
                with event.lock:
                    task.ran = True
                    task.done = event.fulfilled
        if dependences:
            if frame.deps is None:
                frame.deps = Dependences()
            before: list[Task] = frame.deps.predecessors(dependences)  # type: ignore[assignment]
            if before:
                self.wait_until(lambda: all(t.done for t in before))
            frame.deps.record(dependences, task, is_done)  # type: ignore[arg-type]
        pool.register(task)
        frame.children.append(task)
        try:
            return self.run_now(function, args, spec, [], final, tag)
        finally:
            pool.complete(task, {}, None)

    def run_deferred(self, task: Task) -> None:
        """Run a task taken from the team's deques, and report it complete."""
        pool = self.pool
        assert pool is not None
        spec = task.spec
        frame = Frame(task.group, task.depth, task.final, task.tag)
        values: dict[str, Any] = {}
        error: BaseException | None = None
        if cancelled(task.group):  # discarded: never runs (threads/cancel.py)
            task.args = {}
            pool.complete(task, values, error)
            return
        try:
            args = self.starting(task.args, spec, task.creator)
            if spec.in_reduction:
                args = self.reduction_copies(frame, args, spec.in_reduction)
                frame.order = task.order
            result = self.call(task.function, args, frame)
            self.ended(result, spec, task.creator, frame)
            values = handed_back(rebound_only(result, args, spec.shared), spec)
        except BaseException as exc:  # the creator collects it, or a barrier raises it
            error = exc
        task.args = {}
        pool.complete(task, values, error)
        if error is not None:
            if isinstance(error, (TeamAborted, KeyboardInterrupt, SystemExit)):
                raise error
            self.failed.append(task)

    # -- waiting ---------------------------------------------------------------------

    def wait_until(self, ready: Callable[[], bool]) -> None:
        """Run tasks until ``ready()`` (checked under the team's task lock).

        Inside a ``critical``, ``atomic`` or ``ordered`` block only the current task's
        own children are run, so that a task waiting for the same lock cannot make
        this thread wait for itself.
        """
        pool = self.pool
        if pool is None:  # every task ran at once: only a detached task's event is left
            began = time.monotonic()
            while not ready():
                if not taskevents.others_may_fulfill():
                    raise taskevents.waited_in_vain()
                self.me.team.check_hang(self.me, began, "waits for a detached task")
                time.sleep(0.001)
            return
        me = self.me
        team = me.team
        holding = any(k.startswith(("critical", "atomic", "ordered")) for k in me.inside)
        only = self.frames[-1] if holding else None
        began = time.monotonic()
        waiting = me.waiting
        try:
            while True:
                with pool.lock:
                    if ready():
                        return
                    if team.aborted:
                        raise TeamAborted(ABORTED)
                    task = pool.take(me.num, only) if len(self.frames) < MAX_NESTING else None
                    if task is None:
                        me.waiting = True
                        pool.wake.wait(WAKE_EVERY)
                if task is None:
                    team.check_hang(me, began, "waits for tasks")
                    continue
                me.waiting = False
                self.run_deferred(task)
                began = time.monotonic()
        finally:
            me.waiting = waiting

    def collect(self, frame: Frame, done_only: bool = False) -> dict[str, Any]:
        """The ``shared`` values of ``frame``'s completed children, in creation order;
        the first child's exception is raised.  Only the values of children created
        by the calling function are returned: a callee's wait keeps its caller's for
        the caller's own next wait (``Frame.elsewhere``), where python binds them."""
        me = self.me
        if me.new_keys is not None:
            me.team.new_keys.order_now(me.num)
        values: dict[str, Any] = {}
        error: BaseException | None = None
        remaining = []
        here: Any = None  # the calling function's site, found on first need
        if frame.elsewhere:
            here = user_site()
            kept = []
            for site, handed in frame.elsewhere:
                if site == here:
                    values.update(handed)
                else:
                    kept.append((site, handed))
            frame.elsewhere = kept
        for child in frame.children:
            if not child.done:
                remaining.append(child)
                continue
            child.seen = True
            if child.error is not None and error is None:
                error = child.error
            if child.site is not None and child.values:
                if here is None:
                    here = user_site()
                if child.site != here:
                    frame.elsewhere.append((child.site, child.values))
                    continue
            values.update(child.values)
        assert done_only or not remaining
        frame.children = remaining
        if error is not None:
            raise error
        return values

    def barrier(self) -> None:
        """The tasks' part of a barrier (every thread of the team calls it): run tasks
        until every thread has arrived and no task is left; then raise a task this
        thread ran that failed and that nobody waited for."""
        pool = self.pool
        assert pool is not None
        with pool.lock:
            pool.arrived += 1
            pool.wake.notify_all()
        self.arrivals += 1
        target = pool.size * self.arrivals
        self.wait_until(lambda: pool.arrived >= target and pool.pending == 0)
        for frame in self.frames:  # keep only what a taskwait may still collect
            if frame.children:
                frame.children = [c for c in frame.children if c.values or c.error]
        failed, self.failed = self.failed, []
        for task in failed:
            if not task.seen:
                task.seen = True
                assert task.error is not None
                raise task.error


def user_site() -> tuple[int, Any] | None:
    """The function call of the program that is running omppy's code now (the first
    frame outside omppy): its frame's identity and code, so that a frame reused after
    its call ended is not taken for it."""
    frame = first_user_frame(sys._getframe(1))
    return None if frame is None else (id(frame), frame.f_code)
