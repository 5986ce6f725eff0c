"""Explicit tasks on the threads backend: ``task``, ``taskwait``, ``taskgroup``,
``taskloop`` and ``taskyield`` for a team of threads sharing one heap (docs/tasks.md).

The translated code calls the same functions on both backends (``omppy.runtime``
exports the ones below); each looks at the thread it is given and hands a thread of
a fork team, or the initial thread, to ``runtime/tasks.py``.  On a thread team there
is nothing to copy, pickle or publish: a task is its function and the values of the
names it captured, kept as a Python object.

- **Run now** (in the creating thread, as python would): in a team of one, with
  ``if`` false, under ``final``, or in a team started before any module with task
  constructs was imported (its barriers do not wait for tasks).
- **Deferred**: the task goes into its creating thread's deque in the team's
  :class:`TeamTasks`; a task with ``depend`` waits there, outside the deques, until
  its predecessors complete.  A thread that waits (``taskwait``, the end of a
  ``taskgroup``, a barrier, the end of the region) runs tasks meanwhile: its own
  newest first, then the oldest of another thread's (the one nearest the root of its
  tree: the most work for one steal), ``priority`` tasks before any.
- A barrier completes when every thread has arrived and no task is left, so every
  task created before a barrier has completed after it.

``taskwait`` returns the values of the children's ``shared`` names in creation order
and raises the first child's exception; a task that failed unseen is raised at the
next barrier by the thread that ran it, as on the fork backend.  ``depend`` on a name
hands the predecessor's value of the name to the successor; ``in_reduction`` results
are combined in creation order when their taskgroup ends.  Keys that tasks add to the
region's shared dicts are tagged with the task's place in python's order
(:meth:`ThreadTasks.tag`) and sorted by ``keyorder.py`` at ``taskwait`` and barriers.
"""

from __future__ import annotations

import copy
import threading
import time
from collections import deque
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from .. import schedule
from .. import tasks as fork_tasks
from ..errors import OmpError, TeamAborted
from ..reduction import combine, identity
from ..taskdeps import Dependence, Dependences, places
from ..taskgroups import taskgroup as fork_taskgroup
from ..taskloop import chunks as taskloop_chunks
from ..taskloop import taskloop as fork_taskloop
from ..unbound import UNBOUND

if TYPE_CHECKING:
    from ..thread import ThreadContext
    from .context import ThreadedContext
    from .team import ThreadTeam

# Set when a translated module with task constructs is imported on this backend: the
# teams that start afterwards run tasks (and their barriers wait for them).
ENABLED = False
MAX_NESTING = 40  # tasks run inside one another by one thread before it only waits
WAKE_EVERY = 0.05  # seconds a waiting thread sleeps before it checks the team again
ABORTED = "the team was aborted by a failure in another thread"

Spec = fork_tasks.Spec
_orders = [0]
_orders_guard = threading.Lock()


def _new_order() -> int:
    """A number that orders in_reduction results as the tasks were created."""
    with _orders_guard:
        _orders[0] += 1
        return _orders[0]


def _bound(values: dict[str, Any], name: str) -> bool:
    return name in values and values[name] is not UNBOUND


class Group:
    """One execution of a ``taskgroup`` (see ``runtime/taskgroups.py``)."""

    def __init__(
        self, owner: ThreadTasks, reduction: dict[str, tuple[str, Any]], fresh: tuple[str, ...]
    ) -> None:
        self.owner = owner
        self.frame = owner.frames[-1]
        self.reduction = reduction
        self.fresh = fresh
        self.spec = {name: (op, identity(op, value)) for name, (op, value) in reduction.items()}
        self.parent = self.frame.current_group()
        self.count = 0  # deferred tasks of the group not completed (under the team's lock)
        self.partials: list[tuple[int, dict[str, Any]]] = []
        self.frame.groups.append(self)

    def end(self, scope: dict[str, Any]) -> dict[str, Any]:
        """Wait for the group's tasks and their descendants; the reductions' results
        and the ``shared`` values of the children the group's task created."""
        owner, frame = self.owner, self.frame
        if self in frame.groups:
            frame.groups.remove(self)
        owner.wait_until(lambda: self.count == 0)
        values = owner.collect(frame, done_only=True)
        values.update(owner.me.team.fresh(self.fresh) if self.fresh else {})
        for name, (op, original) in self.reduction.items():
            start = scope.get(name, original)
            ordered = sorted(self.partials, key=_first)
            values[name] = combine(op, start, [p[name] for _, p in ordered if name in p])
        return values


def _first(item: tuple[int, dict[str, Any]]) -> int:
    return item[0]


class Frame:
    """A task as the thread that runs it sees it (the region's implicit task too)."""

    __slots__ = (
        "base",
        "children",
        "created",
        "deps",
        "depth",
        "final",
        "group",
        "groups",
        "left",
        "order",
        "tag",
        "targets",
    )

    def __init__(
        self, group: Group | None, depth: int, final: bool, tag: tuple[int, ...] | None
    ) -> None:
        self.group = group  # the taskgroup the task belongs to
        self.depth = depth
        self.final = final
        self.children: list[Task] = []  # deferred children not collected yet
        self.groups: list[Group] = []  # taskgroups open in it, innermost last
        self.deps: Dependences | None = None
        self.left: dict[str, Any] = {}  # depend names: the value the last writer left
        self.targets: dict[str, Group] = {}  # in_reduction name -> its group
        self.order = 0
        # Its place in python's order (None: the implicit task, placed by the loop
        # iterations it runs, ``base``), and how many tasks it created there.
        self.tag = tag
        self.base: tuple[int, ...] = ()
        self.created = 0

    def current_group(self) -> Group | None:
        """The taskgroup a task created now belongs to."""
        return self.groups[-1] if self.groups else self.group


class Task:
    """A deferred task: what to run, and what its creator will collect."""

    __slots__ = (
        "args",
        "creator",
        "depth",
        "done",
        "error",
        "final",
        "function",
        "group",
        "order",
        "owner",
        "priority",
        "seen",
        "spec",
        "successors",
        "tag",
        "unmet",
        "values",
    )

    def __init__(
        self,
        function: Any,
        args: dict[str, Any],
        spec: Spec,
        creator: Frame,
        owner: int,
        tag: tuple[int, ...] | None,
        priority: int,
    ) -> None:
        self.function = function
        self.args = args
        self.spec = spec
        self.creator = creator
        self.owner = owner  # the thread whose deque it goes to
        self.group = creator.current_group()
        self.depth = creator.depth + 1
        self.final = False
        self.order = _new_order() if spec.in_reduction else 0
        self.tag = tag
        self.priority = priority
        self.done = False
        self.seen = False  # its creator collected it (its exception is raised there)
        self.values: dict[str, Any] = {}
        self.error: BaseException | None = None
        self.unmet = 0  # predecessors not completed (depend)
        self.successors: list[Task] = []


def _is_done(task: Task) -> bool:
    return task.done


class TeamTasks:
    """The deferred tasks of one thread team, under one lock."""

    def __init__(self, team: ThreadTeam) -> None:
        self.team = team
        self.size = team.size
        self.lock = threading.Lock()
        self.wake = threading.Condition(self.lock)  # a task queued or completed, an arrival
        self.deques: list[deque[Task]] = [deque() for _ in range(team.size)]
        self.urgent: deque[Task] = deque()  # priority above 0: taken before any other
        self.pending = 0  # deferred tasks not completed, queued or waiting
        self.arrived = 0  # arrivals at the team's barriers so far

    def submit(self, task: Task, before: list[Task]) -> None:
        with self.lock:
            self.pending += 1
            if task.group is not None:
                task.group.count += 1
            for other in before:
                if not other.done:
                    other.successors.append(task)
                    task.unmet += 1
            if not task.unmet:
                self._push(task)

    def _push(self, task: Task) -> None:
        (self.urgent if task.priority > 0 else self.deques[task.owner]).append(task)
        self.wake.notify_all()

    def take(self, num: int, only: Frame | None) -> Task | None:
        """A task for thread ``num`` (under the lock); ``only``: a child of that frame."""
        if only is not None:
            for queue in (self.urgent, self.deques[num]):
                for task in reversed(queue):
                    if task.creator is only:
                        queue.remove(task)
                        return task
            return None
        if self.urgent:
            return self.urgent.popleft()
        own = self.deques[num]
        if own:
            return own.pop()
        for step in range(1, self.size):
            other = self.deques[(num + step) % self.size]
            if other:
                return other.popleft()
        return None

    def complete(self, task: Task, values: dict[str, Any], error: BaseException | None) -> None:
        with self.lock:
            task.values = values
            task.error = error
            task.done = True
            self.pending -= 1
            if task.group is not None:
                task.group.count -= 1
            for successor in task.successors:
                successor.unmet -= 1
                if not successor.unmet:
                    self._push(successor)
            task.successors = []
            self.wake.notify_all()


def team_tasks(team: ThreadTeam) -> TeamTasks | None:
    """The task deques of a new team, if it runs tasks (see :data:`ENABLED`)."""
    return TeamTasks(team) if ENABLED and team.size > 1 else None


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
        tag, me.task_tag = me.task_tag, frame.tag
        me.in_task += 1
        try:
            values: dict[str, Any] = function(me, **args) or {}
            return values
        finally:
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
            left = creator.left
            args = {**args, **{n: left[n] for n in spec.reads if n in left}}
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
        published = {n: values[n] for n in spec.publish if _bound(values, n)}
        if published:
            self.me.team.publish(published)
        for name in spec.writes:
            if _bound(values, name):
                creator.left[name] = values[name]

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
                raise OmpError(
                    f"in_reduction({op}: {name}): the task is not inside a taskgroup with "
                    f"task_reduction({op}: {name}) (or a taskloop with reduction({op}: {name}))"
                )
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
            frame.deps.record(dependences, None, _is_done)  # type: ignore[arg-type]
        child = Frame(frame.current_group(), frame.depth + 1, final, tag)
        args = self.starting(args, spec, frame)
        if spec.in_reduction:
            args = self.reduction_copies(child, args, spec.in_reduction)
            child.order = _new_order()
        values = self.call(function, args, child)
        self.ended(values, spec, frame, child)
        return {n: values[n] for n in (*spec.shared, *spec.last) if _bound(values, n)}

    def defer(
        self,
        function: Any,
        args: dict[str, Any],
        spec: Spec,
        dependences: list[Dependence],
        priority: int,
        tag: tuple[int, ...] | None,
    ) -> None:
        pool = self.pool
        assert pool is not None
        frame = self.frames[-1]
        task = Task(function, args, spec, frame, self.me.num, tag, priority)
        before: list[Task] = []
        if dependences:
            if frame.deps is None:
                frame.deps = Dependences()
            before = frame.deps.predecessors(dependences)  # type: ignore[assignment]
            frame.deps.record(dependences, task, _is_done)  # type: ignore[arg-type]
        frame.children.append(task)
        pool.submit(task, before)

    def run_deferred(self, task: Task) -> None:
        """Run a task taken from the team's deques, and report it complete."""
        pool = self.pool
        assert pool is not None
        spec = task.spec
        frame = Frame(task.group, task.depth, task.final, task.tag)
        values: dict[str, Any] = {}
        error: BaseException | None = None
        try:
            args = self.starting(task.args, spec, task.creator)
            if spec.in_reduction:
                args = self.reduction_copies(frame, args, spec.in_reduction)
                frame.order = task.order
            result = self.call(task.function, args, frame)
            self.ended(result, spec, task.creator, frame)
            values = {n: result[n] for n in (*spec.shared, *spec.last) if _bound(result, n)}
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
        if pool is None:
            if not ready():  # every task ran at once: nothing can make it ready
                raise OmpError("a task waited for tasks that no thread will run")
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
        the first child's exception is raised."""
        me = self.me
        if me.new_keys is not None:
            me.team.new_keys.order_now(me.num)
        values: dict[str, Any] = {}
        error: BaseException | None = None
        remaining = []
        for child in frame.children:
            if not child.done:
                remaining.append(child)
                continue
            child.seen = True
            if child.error is not None and error is None:
                error = child.error
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


# -- what the translated code calls (``omppy.runtime`` exports these) ---------------------


def _threaded(thread: Any) -> bool:
    return getattr(thread, "threaded", False)


def uses_tasks() -> None:
    """Called by translated modules with task constructs."""
    global ENABLED
    from .. import backend

    if backend.chosen() == "threads":
        ENABLED = True
    else:
        fork_tasks.uses_tasks()


def task(
    thread: ThreadContext,
    function: Any,
    args: dict[str, Any],
    *,
    shared: tuple[str, ...] = (),
    publish: tuple[str, ...] = (),
    if_: Any = True,
    final: Any = False,
    priority: Any = 0,
    depend: tuple[tuple[Any, ...], ...] = (),
    in_reduction: dict[str, str] | None = None,
    changes: dict[str, int] | None = None,
    touches: tuple[str, ...] | None = None,
    last: tuple[str, ...] = (),
    fresh: tuple[str, ...] = (),
) -> dict[str, Any]:
    """Create a task running ``function(thread, **args)`` (see ``runtime/tasks.py``);
    ``changes`` and ``touches`` are for the fork backend's comparisons."""
    if not _threaded(thread):
        return fork_tasks.task(
            thread, function, args, shared=shared, publish=publish, if_=if_, final=final,
            priority=priority, depend=depend, in_reduction=in_reduction, changes=changes,
            touches=touches, last=last, fresh=fresh,
        )  # fmt: skip
    me: ThreadedContext = thread  # type: ignore[assignment]
    tasks = state_of(me)
    frame = tasks.frames[-1]
    reads = tuple(d[1] for d in depend if len(d) == 2 and d[0] != "out")
    writes = tuple(d[1] for d in depend if len(d) == 2 and d[0] != "in")
    spec = Spec(shared, publish, in_reduction, touches, last, fresh, reads, writes)
    is_final = frame.final or bool(final)
    dependences = places(depend) if depend else []
    ordering = tasks.ordering()
    tag = tasks.tag(frame) if ordering else None
    try:
        if tasks.pool is not None and if_ and not is_final:
            tasks.defer(function, args, spec, dependences, int(priority), tag)
            return {}
        return tasks.run_now(function, args, spec, dependences, is_final, tag)
    finally:
        if ordering:
            tasks.resume(frame)


def taskwait(
    thread: ThreadContext,
    depend: tuple[tuple[Any, ...], ...] = (),
    fresh: tuple[str, ...] = (),
) -> dict[str, Any]:
    """Wait for the current task's children (with ``depend``: those it names)."""
    if not _threaded(thread):
        return fork_tasks.taskwait(thread, depend, fresh)
    me: ThreadedContext = thread  # type: ignore[assignment]
    tasks = me.task_state
    newest = me.team.fresh(fresh) if fresh else {}
    if tasks is None:
        return newest
    frame = tasks.frames[-1]
    if not frame.children:
        return newest
    if depend:
        deps = frame.deps
        before = deps.predecessors(places(depend)) if deps else []
        tasks.wait_until(lambda: all(_is_done(t) for t in before))  # type: ignore[arg-type]
        values = tasks.collect(frame, done_only=True)
    else:
        children = frame.children
        tasks.wait_until(lambda: all(child.done for child in children))
        values = tasks.collect(frame)
    values.update(me.team.fresh(fresh) if fresh else {})
    return values


def taskyield(thread: ThreadContext) -> None:
    """``taskyield``: accepted; a task is suspended only where it waits."""


def taskgroup(
    thread: ThreadContext,
    reduction: dict[str, tuple[str, Any]] | None = None,
    fresh: tuple[str, ...] = (),
) -> Any:
    """Open a taskgroup in the current task."""
    if not _threaded(thread):
        return fork_taskgroup(thread, reduction, fresh)
    return Group(state_of(thread), reduction or {}, fresh)  # type: ignore[arg-type]


def taskloop(
    thread: ThreadContext,
    function: Any,
    items: Any,
    args: dict[str, Any],
    *,
    grainsize: Any = None,
    num_tasks: Any = None,
    strict: bool = False,
    nogroup: bool = False,
    reduction: dict[str, tuple[str, Any]] | None = None,
    lastprivate: tuple[str, ...] = (),
    shared: tuple[str, ...] = (),
    publish: tuple[str, ...] = (),
    if_: Any = True,
    final: Any = False,
    priority: Any = 0,
    in_reduction: dict[str, str] | None = None,
    changes: dict[str, int] | None = None,
    touches: tuple[str, ...] | None = None,
    fresh: tuple[str, ...] = (),
) -> dict[str, Any]:
    """Run the loop as tasks (see ``runtime/taskloop.py``)."""
    if not _threaded(thread):
        return fork_taskloop(
            thread, function, items, args, grainsize=grainsize, num_tasks=num_tasks,
            strict=strict, nogroup=nogroup, reduction=reduction, lastprivate=lastprivate,
            shared=shared, publish=publish, if_=if_, final=final, priority=priority,
            in_reduction=in_reduction, changes=changes, touches=touches, fresh=fresh,
        )  # fmt: skip
    if not schedule.is_sequence(items):
        items = schedule.iteration_space(items)
    spans = taskloop_chunks(len(items), thread.size, grainsize, num_tasks, strict)
    reduction = reduction or {}
    group = None if nogroup else Group(state_of(thread), reduction, ())  # type: ignore[arg-type]
    joined = dict(in_reduction or {})
    joined.update({name: op for name, (op, _) in reduction.items()})
    values: dict[str, Any] = {}
    try:
        for start, stop in spans:
            chunk_args = dict(args)
            chunk_args["_omp_chunk"] = items[start:stop]
            values.update(
                task(
                    thread,
                    function,
                    chunk_args,
                    shared=shared,
                    publish=publish,
                    if_=if_,
                    final=final,
                    priority=priority,
                    in_reduction=joined or None,
                    last=lastprivate if stop == len(items) else (),
                    fresh=fresh,
                )
            )
    finally:
        if group is not None:
            values.update(group.end({}))
    return values
