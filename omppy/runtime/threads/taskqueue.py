"""The records of the threads backend's tasks and the team's queues: a
``taskgroup``'s execution (:class:`Group`), a task as the thread running it sees it
(:class:`Frame`), a deferred task (:class:`Task`), and the team's deques and
dependence waits under one lock (:class:`TeamTasks`).  ``threads/tasks.py`` tells
the story."""

from __future__ import annotations

import threading
from collections import deque
from typing import TYPE_CHECKING, Any

from ..errors import OmpError
from ..reduction import combine, identity
from ..taskevents import FULFILLED_TWICE, Detached
from ..taskspec import Spec

if TYPE_CHECKING:
    from ..taskdeps import Dependences
    from .taskstate import ThreadTasks
    from .team import ThreadTeam

_orders = [0]
_orders_guard = threading.Lock()


def new_order() -> int:
    """A number that orders in_reduction results as the tasks were created."""
    with _orders_guard:
        _orders[0] += 1
        return _orders[0]


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
        self.cancelled = False  # by 'cancel taskgroup' (see cancelled())
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


def cancelled(group: Group | None) -> bool:
    """Whether a task of ``group`` is to stop (or never start): ``group``, or a group
    it is nested in, was cancelled (``cancel taskgroup``; ``runtime/taskgroups.py``
    says what that means)."""
    while group is not None:
        if group.cancelled:
            return True
        group = group.parent
    return False


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
        "elsewhere",
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
        # Values of children that a wait in another function collected (a callee's
        # taskwait waits for its caller's tasks too), for the next wait of the function
        # that created them: (its site, the values).
        self.elsewhere: list[tuple[Any, dict[str, Any]]] = []
        self.groups: list[Group] = []  # taskgroups open in it, innermost last
        self.deps: Dependences | None = None
        # depend names (and the call naming them): the value the last writer left
        self.left: dict[tuple[str, int], Any] = {}
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
        "event",
        "final",
        "function",
        "group",
        "order",
        "owner",
        "priority",
        "ran",
        "seen",
        "site",
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
        self.order = new_order() if spec.in_reduction else 0
        self.tag = tag
        self.priority = priority
        self.done = False
        self.seen = False  # its creator collected it (its exception is raised there)
        # The function call that created it, when it hands shared names back: only a
        # wait in that call takes them (taskstate.user_site).
        self.site: Any = None
        self.values: dict[str, Any] = {}
        self.error: BaseException | None = None
        self.unmet = 0  # predecessors not completed (depend)
        self.successors: list[Task] = []
        self.event: ThreadEvent | None = None  # detach: completes once it is fulfilled
        self.ran = False  # detach: its body ended


def is_done(task: Task) -> bool:
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

    def register(self, task: Task) -> None:
        """A detached task that runs at once is pending, in its group, until it
        completes (when its event is fulfilled: ``ThreadEvent``)."""
        with self.lock:
            self.pending += 1
            if task.group is not None:
                task.group.count += 1

    def complete(self, task: Task, values: dict[str, Any], error: BaseException | None) -> None:
        with self.lock:
            task.values = values
            task.error = error
            task.ran = True
            event = task.event
            if event is not None and not event.fulfilled:
                return  # it completes when its event is fulfilled
            self.finish(task)

    def finish(self, task: Task) -> None:
        """``task`` completed (under the lock): its group, successors and waiters
        learn it."""
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


class ThreadEvent(Detached):
    """The event of a detached task on the threads backend (``taskevents.py``): the
    task, once it is created, and whether it was fulfilled, under the team's task
    lock (a lock of its own with no team)."""

    __slots__ = ("fulfilled", "lock", "pool", "task")

    def __init__(self, pool: TeamTasks | None) -> None:
        self.pool = pool
        self.lock = pool.lock if pool is not None else threading.Lock()
        self.task: Task | None = None
        self.fulfilled = False

    def __repr__(self) -> str:
        return "<omppy event of a task>"

    def fulfill(self) -> None:
        with self.lock:
            if self.fulfilled:
                raise OmpError(FULFILLED_TWICE)
            self.fulfilled = True
            task = self.task
            if task is None or not task.ran:
                return  # its body ends later: it completes then
            if self.pool is not None:
                self.pool.finish(task)
            else:
                task.done = True
