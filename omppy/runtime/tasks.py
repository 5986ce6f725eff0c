"""Explicit tasks on a team of processes: ``task``, ``taskwait``, ``taskyield``, and
running tasks while threads wait (docs/pragmas.md, "Tasks").

The translator outlines a task's statements into a function, ``def
_omp_task_<line>(_omp_t, <captured names>)`` ending in ``return _omp.locals()``, and
calls :func:`task` with the values of the names the task reads (OpenMP's
``firstprivate`` default: captured when the task is created).  Then one of three:

- **Run now.**  With no team (outside a region, a team of one), with ``if`` false,
  ``final`` (the task and all its descendants), or for a task too small to be worth
  queueing (the cut-off, below), the creating thread calls the function at once, as
  plain Python would: an exception propagates from the task's line, and the values
  of its ``shared`` names are assigned right after it.
- **Keep.**  The task goes into the creating thread's own queue, in its own process:
  nothing is copied.  The thread runs it when it waits (``taskwait``, the end of a
  ``taskgroup``, a barrier), newest first.
- **Hand to the team.**  While the team's shared queues hold fewer than
  :data:`STOCK` ready tasks per thread (other threads may be idle), the thread hands
  its *oldest* kept task (nearest the root of its tree: the most work for one
  transfer) to the team's task table (``taskpool.py``), at every task creation and
  whenever it waits.  A task with ``depend`` or ``priority`` is handed at once.
  Handing over publishes what the thread changed in shared objects, as leaving a
  ``critical`` does (``coherence.py``), so that the task sees it wherever it runs;
  an object the task may change that the team does not share yet (made by this
  thread after the fork) is published with it and shared from then on.  The
  function and its arguments are pickled (``taskcode.py``).

A thread that takes a task from the table applies the publication log first
(catching up with the creator), runs it, publishes what it changed (and the task's
``shared`` names that the region shares), and leaves the values of its ``shared``
names for its creator.  ``taskwait`` waits for the current task's children, runs
tasks meanwhile, and returns those values (in creation order: a later task's value
wins), which the generated code assigns; a child's exception is raised there.  A
barrier first runs tasks until every thread has arrived and the team has no task
left, so every task created before a barrier has completed after it; an exception
of a task nobody waited for is raised there, by the thread that ran it.

The cut-off: a task runs now when tasks of the same code at the same depth took
less than :data:`RUN_NOW_SECONDS` on average in this thread: handing it to another
thread would cost more than running it, and keeping it would only delay it.
A task is measured from its start to its end, with the kept tasks it runs while it
waits (its children, mostly) and without the time it waits otherwise (idle, or
running tasks from the team's table, which need not be its own) or spends handing
tasks to the team.

Keys that tasks add to a shared dict are put in the order python would add them
(each task run at once where it is created): every task carries its place in that
order (:meth:`TaskState.tag`), the stretches of code a thread runs are marked with
it (``Coherence.mark``), and ``taskwait`` and barriers order the keys by it.

Each thread's tasks are a stack of :class:`Frame` objects (the implicit task of the
region at the bottom), in its :class:`TaskState`.  ``taskgroups.py`` adds
``taskgroup`` and task reductions, ``taskdeps.py`` dependences, and ``taskloop.py``
the ``taskloop`` construct.  A task of a cancelled taskgroup is discarded where it
would be created or started (``taskgroups.py``, ``cancel.py``).
"""

from __future__ import annotations

import collections
import os
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, NamedTuple

from . import deadlock, sharedmem
from . import taskpool as tp
from .errors import ExchangeOverflow, OmpError, TeamAborted
from .failures import pack_exception, unpack_exception
from .taskcode import CannotTravel, TaskCoder
from .taskdeps import Dependence, Dependences, Ref, places
from .taskgroups import cancelled
from .unbound import UNBOUND

if TYPE_CHECKING:
    from .taskgroups import GroupRef, TaskGroup
    from .team import Team
    from .thread import ThreadContext

# Set when a translated module that holds task constructs is imported: a team that
# starts afterwards runs tasks (and its barriers wait for them).
ENABLED = False
STOCK = 2  # ready tasks per thread the team's queues should hold
# Measured shorter than this, a task runs at once: handing it to another process
# costs more than it takes (benchmarks/tasks.py measures the cost), and keeping it
# would only delay it.
RUN_NOW_SECONDS = 3e-4
MAX_NESTING = 40  # tasks run inside one another by one thread before it only waits
_WEIGHT = 0.25  # of a new measurement in the running average
_OUTLIER = 4.0  # a measurement counts at most this many times the average so far
# A waiting thread yields the CPU this many times, then sleeps on the table's wake
# semaphore (released whenever a task is queued or completes): on a busy machine a
# yield can give the CPU away for a whole time slice.
_SPINS = 3
_clock = time.perf_counter


def uses_tasks() -> None:
    """Called by translated modules with task constructs (see :data:`ENABLED`)."""
    global ENABLED
    from . import backend

    if backend.chosen() == "threads":
        raise OmpError(
            "this module has task constructs, which the threads backend does not run yet "
            "(docs/backends.md); run it with the fork backend, the default (unset "
            "OMPPY_BACKEND, or omppy run --backend fork)"
        )
    ENABLED = True


class Spec(NamedTuple):
    """What the translator says about one task construct."""

    shared: tuple[str, ...] = ()  # names handed back to the creating task
    publish: tuple[str, ...] = ()  # of those, the region's shared names: published
    in_reduction: dict[str, str] | None = None  # name -> operator
    touches: tuple[str, ...] | None = None  # names whose objects it may change
    last: tuple[str, ...] = ()  # taskloop: lastprivate names (the last chunk's task)
    # Names a synchronisation block in the task binds: the task starts from their
    # newest published value, not the one captured (which may be older).
    fresh: tuple[str, ...] = ()
    # Names in its depend clauses: the task starts from the value its predecessor
    # left in a name it reads (in, inout), and leaves the names it writes (out,
    # inout) for its successors, published under its creator's key (dependence_key).
    reads: tuple[str, ...] = ()
    writes: tuple[str, ...] = ()


def dependence_key(name: str, creator: str) -> str:
    """The name under which a task leaves ``name`` for its siblings (never a name a
    program can bind)."""
    return f"{name} (a dependence of the tasks of {creator})"


class Child:
    """A task as its creator tracks it: kept (``slot`` -1, ``tid`` a local number) or
    handed to the team (its slot and id in the table)."""

    __slots__ = ("finished", "orphan", "slot", "tid")

    def __init__(self, slot: int, tid: int) -> None:
        self.slot = slot
        self.tid = tid
        self.finished = False  # a kept task that ran
        self.orphan = False  # its creator ended without waiting for it


class Kept(NamedTuple):
    """A task in its creator's own queue."""

    function: Any
    args: dict[str, Any]
    spec: Spec
    depth: int
    group: Any  # GroupRef | None
    child: Child
    changes: dict[str, int] | None
    order: int  # orders its in_reduction results as the tasks were created (0: none)
    creator: str  # its creating task's key (see dependence_key)
    tag: tuple[int, ...] | None  # its place in python's order (TaskState.tag)


class Frame:
    """A task as the thread running it sees it (the region's implicit task too)."""

    __slots__ = (
        "base",
        "cancelled",
        "children",
        "created",
        "deps",
        "depth",
        "final",
        "group",
        "groups",
        "key",
        "order",
        "tag",
        "targets",
    )

    def __init__(
        self,
        order: int,
        group: GroupRef | None,
        depth: int,
        final: bool,
        tag: tuple[int, ...] | None = None,
    ) -> None:
        self.order = order  # orders its in_reduction results as created (0: no need)
        self.group: GroupRef | None = group  # the taskgroup the task belongs to
        self.depth = depth
        self.final = final
        self.children: list[Child] = []  # children not collected yet
        self.groups: list[TaskGroup] = []  # taskgroups open in this task, innermost last
        self.deps: Dependences | None = None
        self.targets: dict[str, GroupRef] = {}  # in_reduction name -> its taskgroup
        self.key = ""  # names it in the team (for its children's dependences)
        # Its place in python's order (None: the region's implicit task, placed by the
        # work-sharing iterations it runs, ``base``), and the tasks it created there.
        self.tag = tag
        self.base: tuple[int, ...] = ()
        self.created = 0
        self.cancelled = False  # its body was left by a cancel (not measured: cancel.py)

    def current_group(self) -> GroupRef | None:
        """The taskgroup a task created now belongs to."""
        return self.groups[-1].ref if self.groups else self.group


def state_of(thread: ThreadContext) -> TaskState:
    """``thread``'s tasks (made on first use)."""
    state = thread.tasks
    if state is None:
        state = thread.tasks = TaskState(thread)
    return state


class TaskState:
    """One thread's tasks: its stack of frames, its own queue, its side of the table."""

    def __init__(self, thread: ThreadContext) -> None:
        self.thread = thread
        team = thread.team
        self.pool: tp.TaskPool | None = None
        self.coder: TaskCoder | None = None
        self.stock = STOCK * thread.size
        pool = team.arena.tasks if team is not None and team.tasking else None
        if pool is not None and thread.size > 1 and thread.coherence:
            self.pool = pool
            self.coder = TaskCoder(thread.coherence.replica, pool.forked_after)
            self.kept_word = pool.local_base + thread.num
        self.frames: list[Frame] = [Frame(0, None, 0, False)]
        self.queue: collections.deque[Kept] = collections.deque()
        # Tasks this thread handed to the team, by id: run here, they need no bytes.
        self.handed: dict[int, Kept] = {}
        # Results of the tasks this thread created and ran: (values, exception).
        self.results: dict[int, tuple[dict[str, Any], BaseException | None]] = {}
        # Failed tasks this thread ran: (child or slot, id, exception).
        self.failed: list[tuple[Child | int, int, BaseException]] = []
        self.arrivals = 0  # barriers reached (a team's barriers are counted alike)
        self.durations: dict[tuple[Any, int], float] = {}
        self.excluded = 0.0  # seconds waited, not counted in the tasks' measurements
        self.counter = 0  # numbers kept tasks (negative: never a table id)
        # Whether the keys tasks add to shared dicts are tagged with the tasks' place
        # in python's order (TaskState.tag): the region shares dicts.
        coherence = thread.coherence
        self.ordering = bool(
            self.pool is not None and coherence and coherence.replica.ordered_dicts
        )

    # -- the table's lock ------------------------------------------------------------

    def lock(self) -> None:
        """Take the table's lock, checking that the team is whole while waiting."""
        assert self.pool is not None
        liveness = self.thread.team.liveness if self.thread.team else None
        if liveness is None:
            self.pool.lock.acquire()
        else:
            liveness.wait(self.pool.lock)

    def unlock(self) -> None:
        assert self.pool is not None
        self.pool.lock.release()

    def new_order(self) -> int:
        """A number that orders in_reduction results as the tasks were created."""
        if self.pool is None:
            self.counter += 1
            return self.counter
        self.lock()
        try:
            return self.pool.new_id()
        finally:
            self.unlock()

    def _count_kept(self, delta: int) -> None:
        pool = self.pool
        assert pool is not None
        pool.words[self.kept_word] += delta
        if not pool.words[self.kept_word]:
            pool.rouse()  # threads at a barrier wait for every thread's kept tasks

    def _count_in_group(self, group: GroupRef | None, delta: int) -> None:
        """A task of ``group`` begins (1) or ends (-1)."""
        if not isinstance(group, tuple):
            return
        pool = self.pool
        assert pool is not None
        self.lock()
        try:
            base = pool.group(group[0])
            if pool.words[base + tp.G_ID] == group[1]:
                pool.words[base + tp.G_COUNT] += delta
                if delta < 0:
                    pool.rouse()  # the group's owner may be asleep waiting for it
        finally:
            self.unlock()

    # -- python's order of the keys tasks add to shared dicts ----------------------------

    def _base(self, frame: Frame) -> tuple[int, ...]:
        if frame.tag is not None:
            return frame.tag
        coherence = self.thread.coherence
        assert coherence is not None
        loop = coherence.last_tag  # the iterations the implicit task runs now
        if frame.base[:-1] != loop:
            frame.base, frame.created = (*loop, self.thread.num), 0
        return frame.base

    def tag(self, frame: Frame) -> tuple[int, ...]:
        """The place of the next task ``frame`` creates in the order python runs the
        tasks in (each at once, where it is created): its creator's place, then
        ``(n, 0)`` for its creator's n-th task; the creator's own stretch after it is
        ``(n, 1)``.  A shared dict orders the keys tasks added by these places
        (``Coherence.mark``), so it lists them as with python."""
        base = self._base(frame)
        frame.created += 1
        return (*base, frame.created, 0)

    def resume(self, frame: Frame) -> None:
        """``frame`` runs on in this thread: the keys it adds come after its tasks."""
        coherence = self.thread.coherence
        assert coherence is not None
        base = self._base(frame)
        coherence.mark((*base, frame.created, 1) if frame.created else base, task=True)

    # -- the cut-off ------------------------------------------------------------------

    def measured(self, function: Any, depth: int) -> float | None:
        return self.durations.get((function.__code__, depth))

    def measure(self, function: Any, depth: int, seconds: float) -> None:
        key = (getattr(function, "__code__", None), depth)
        old = self.durations.get(key)
        if old is None:
            self.durations[key] = seconds
        else:  # a process that waited for a CPU meanwhile must not make it look long
            self.durations[key] = old + _WEIGHT * (min(seconds, _OUTLIER * old) - old)

    def starving(self) -> bool:
        """Whether the team's queues hold too few tasks for idle threads."""
        assert self.pool is not None
        return bool(self.pool.words[tp.QUEUED] < self.stock)

    # -- creating a task ------------------------------------------------------------

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
        depth = frame.depth + 1
        measured = self.measured(function, depth)
        if measured is not None and measured < RUN_NOW_SECONDS and not dependences:
            return False
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
            queue.popleft()
            began = _clock()
            try:
                self.hand_over(task, [], 0, kept=True)
            except (CannotTravel, tp.PoolFull):
                self.run_kept(task)  # not to be offered again; it would fail again
                return
            finally:
                self.excluded += _clock() - began  # not the waiting task's work

    def hand_over(self, task: Kept, before: list[Ref], priority: int, kept: bool = False) -> None:
        """Put ``task`` in the team's table (see the module docstring);
        :class:`CannotTravel` or :class:`~.taskpool.PoolFull` when it cannot go."""
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
            slot = pool.alloc_slot()
            base = pool.slot(slot)
            try:
                data = pool.store(payload)
                tid = pool.new_id()
                for other, other_id in before:
                    other_base = pool.slot(other)
                    if words[other_base + tp.S_ID] == other_id and (
                        words[other_base + tp.S_STATE] != tp.DONE
                    ):
                        pool.add_edge(other, slot, tid)
            except tp.PoolFull:
                pool.free_slot(slot)  # edges to a freed slot are ignored
                raise
            words[base + tp.S_ID] = tid
            words[base + tp.S_STATE] = tp.BLOCKED
            words[base + tp.S_DATA] = data
            words[base + tp.S_DATA_LEN] = len(payload)
            words[base + tp.S_CREATOR] = thread.num
            words[base + tp.S_PRIORITY] = max(0, priority)
            flags = tp.F_KEEP if task.spec.shared or task.spec.last else 0
            words[base + tp.S_FLAGS] = flags | (tp.F_ORPHAN if child.orphan else 0)
            group = task.group
            if isinstance(group, tuple):
                group_base = pool.group(group[0])
                if words[group_base + tp.G_ID] == group[1]:
                    words[base + tp.S_GROUP] = group[0] + 1
                    words[base + tp.S_GROUP_ID] = group[1]
                    if not kept:  # a kept task is counted in its group already
                        words[group_base + tp.G_COUNT] += 1
            words[tp.PENDING] += 1
            if words[base + tp.S_UNMET] == 0:
                pool.push(thread.num, slot)
        finally:
            self.unlock()
        child.slot, child.tid = slot, tid
        self.handed[tid] = task
        if kept:
            self._count_kept(-1)

    def key_of(self, frame: Frame) -> str:
        """A name for ``frame`` that no other task of the team has."""
        if not frame.key:
            self.counter += 1
            frame.key = f"{self.thread.num}.{self.counter}"
        return frame.key

    def starting(self, args: dict[str, Any], spec: Spec, creator: str) -> dict[str, Any]:
        """A task's arguments as it starts: the newest values of its ``fresh`` names
        and of the names its predecessors left (see :class:`Spec`)."""
        if spec.fresh:
            args = {**args, **newest(self.thread, spec.fresh)}
        if spec.reads and self.thread.coherence is not None:
            self.thread.coherence.catch_up("while running a task")
            keys = {dependence_key(n, creator): n for n in spec.reads}
            left = newest(self.thread, tuple(keys))
            args = {**args, **{keys[k]: v for k, v in left.items()}}
        return args

    def published(self, values: dict[str, Any], spec: Spec, creator: str) -> dict[str, Any]:
        """What a task publishes by name when it ends: the region's shared names it
        hands back, and the names it leaves for its successors."""
        found = {n: values[n] for n in spec.publish if _bound(values, n)}
        for name in spec.writes:
            if _bound(values, name):
                found[dependence_key(name, creator)] = values[name]
        return found

    def dependences(self, frame: Frame) -> Dependences:
        if frame.deps is None:
            frame.deps = Dependences()
        return frame.deps

    # -- running a task -------------------------------------------------------------

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
            before = frame.deps.predecessors(dependences)
            if before:
                self.wait_until(lambda: all(self.done(ref) for ref in before))
            frame.deps.record(dependences, None, self.done)
        child = Frame(0, frame.current_group(), frame.depth + 1, final, tag)
        creator = self.key_of(frame) if spec.reads or spec.writes else ""
        args = self.starting(args, spec, creator)
        if spec.in_reduction:
            from .taskgroups import reduction_copies

            args = reduction_copies(self, child, args, spec.in_reduction)
            child.order = self.new_order()
        values = self._call(function, args, child)
        if spec.in_reduction:
            from .taskgroups import contribute

            contribute(self, child, values)
        published = self.published(values, spec, creator)
        if published and self.thread.coherence is not None:
            self.thread.coherence.publish("task", published, _touched(values, spec.touches))
        return {n: values[n] for n in (*spec.shared, *spec.last) if _bound(values, n)}

    def _call(self, function: Any, args: dict[str, Any], frame: Frame) -> dict[str, Any]:
        """``function`` run as the task ``frame``, measured (in a team)."""
        thread = self.thread
        self.frames.append(frame)
        thread.inside.append("task")
        if self.pool is None:  # every task runs at once: nothing to decide, no clock
            try:
                return function(thread, **args) or {}
            finally:
                thread.inside.pop()
                self.frames.pop()
        excluded = self.excluded
        if self.ordering:
            self.resume(frame)
        start = _clock()
        try:
            values: dict[str, Any] = function(thread, **args) or {}
        finally:
            thread.inside.pop()
            self.frames.pop()
            self.abandon(frame)
            if self.ordering:
                self.resume(self.frames[-1])
        elapsed = _clock() - start - (self.excluded - excluded)
        if not frame.cancelled:
            self.measure(function, frame.depth, elapsed)
        return values

    def _run(
        self, function: Any, args: dict[str, Any], frame: Frame, spec: Spec, creator: str
    ) -> tuple[dict[str, Any], BaseException | None]:
        """Run a queued task: its exception is kept for whoever waits for it."""
        try:
            args = self.starting(args, spec, creator)
            if spec.in_reduction:
                from .taskgroups import reduction_copies

                args = reduction_copies(self, frame, args, spec.in_reduction)
            values = self._call(function, args, frame)
        except (TeamAborted, KeyboardInterrupt, SystemExit):
            raise
        except BaseException as error:
            return {}, error
        if spec.in_reduction:
            from .taskgroups import contribute

            contribute(self, frame, values)
        return values, None

    def run_kept(self, task: Kept) -> None:
        """Run a task from this thread's own queue."""
        child = task.child
        frame = Frame(task.order, task.group, task.depth, False, task.tag)
        values: dict[str, Any] = {}
        error: BaseException | None = None
        if not cancelled(self, task.group):  # else discarded: never runs (taskgroups.py)
            values, error = self._run(task.function, task.args, frame, task.spec, task.creator)
        spec = task.spec
        published = self.published(values, spec, task.creator)
        if self.thread.coherence is not None and (published or self._waited_elsewhere(task)):
            self.thread.coherence.publish("task", published, _touched(values, spec.touches))
        if not child.orphan or error is not None:
            outcome = {n: values[n] for n in (*spec.shared, *spec.last) if _bound(values, n)}
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
            self.complete(slot, group, b"", False, mine is not None)
            return
        coherence = thread.coherence
        coherence.catch_up("while running a task")
        mine = self.handed.pop(tid, None)  # this thread made it: no bytes to read
        if mine is not None:
            function, args = mine.function, mine.args
            spec, depth, order, creator = mine.spec, mine.depth, mine.order, mine.creator
            tag = mine.tag
        else:
            data_at, length = int(words[base + tp.S_DATA]), int(words[base + tp.S_DATA_LEN])
            function, args, meta = coder.loads(pool.read(data_at, length))
            spec, depth, order, creator, tag = meta
        frame = Frame(order, group, depth, False, tag)
        values, error = self._run(function, args, frame, spec, creator)
        outcome = {n: values[n] for n in (*spec.shared, *spec.last) if _bound(values, n)}
        published = self.published(values, spec, creator)
        # Even a task its creator ran: a task that depends on it may run elsewhere.
        coherence.publish("task", published, _touched(values, spec.touches))
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
        self.complete(slot, group, result, error is not None, mine is not None)

    def complete(
        self, slot: int, group: GroupRef | None, result: bytes, failed: bool, mine: bool = False
    ) -> None:
        """Mark a task of the table done: its group and successors learn it, its
        result stays for its creator, or its slot is freed when nobody will collect
        it."""
        pool = self.pool
        assert pool is not None
        words = pool.words
        base = pool.slot(slot)
        overflow = False
        self.lock()
        try:
            if isinstance(group, tuple):
                group_base = pool.group(group[0])
                if words[group_base + tp.G_ID] == group[1]:
                    words[group_base + tp.G_COUNT] -= 1
            pool.release_successors(slot, self.thread.num)
            if words[base + tp.S_DATA]:
                pool.free_block(int(words[base + tp.S_DATA]))
                words[base + tp.S_DATA] = 0
            flags = int(words[base + tp.S_FLAGS])
            # A task its creator ran keeps its result in the creator's process.
            keep = not mine and (failed or (flags & tp.F_KEEP and not flags & tp.F_ORPHAN))
            if keep and result:
                try:
                    words[base + tp.S_RESULT] = pool.store(result)
                    words[base + tp.S_RESULT_LEN] = len(result)
                except tp.PoolFull:
                    overflow = True
            words[base + tp.S_FLAGS] = flags | (tp.F_FAILED if failed else 0)
            words[tp.PENDING] -= 1
            if keep:
                words[base + tp.S_STATE] = tp.DONE
            else:
                pool.free_slot(slot)
            pool.rouse()  # its creator may be asleep waiting for it
        finally:
            self.unlock()
        if overflow:
            raise ExchangeOverflow(
                "a task's results do not fit in the team's task table; keep large data in "
                "omppy.shared arrays or shared objects, or raise OMPPY_EXCHANGE_MB"
            )

    def done(self, ref: Child | Ref) -> bool:
        """Whether a task has completed."""
        if isinstance(ref, Child):
            if ref.slot < 0:
                return ref.finished
            ref = (ref.slot, ref.tid)
        pool = self.pool
        if pool is None or ref[0] < 0:
            return True
        base = pool.slot(ref[0])
        words = pool.words
        return bool(words[base + tp.S_ID] != ref[1] or words[base + tp.S_STATE] == tp.DONE)

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

    # -- waiting ------------------------------------------------------------------------

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
                    stall.end()
                    stall = deadlock.NO_STALL
                    self.run_kept(queue.pop())  # work of the waiting task's own, mostly
                    spins, delay = 0, 1e-5
                    continue
                if queue and self.pool is not None:
                    # Kept tasks this thread may not run while it holds a lock: nobody
                    # else can run them until they are in the team's table.
                    self.offer(force=True)
                began = _clock()
                if self.pool is not None and len(self.frames) < MAX_NESTING:
                    slot = self.take(children if holding else None)
                    if slot >= 0:
                        stall.end()
                        stall = deadlock.NO_STALL
                        excluded = self.excluded  # what it excludes itself is in the span
                        self.run_slot(slot)
                        self.excluded = excluded + _clock() - began
                        spins, delay = 0, 1e-5
                        continue
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
                self.excluded += _clock() - began
        finally:
            stall.end()

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
        coherence = self.thread.coherence
        if coherence is not None and self.pool is not None:
            # Also without children left: a taskgroup's deeper tasks published theirs.
            coherence.catch_up("at a taskwait")
            if self.ordering:
                coherence.order_keys()
        if not frame.children:
            return {}
        pool, coder = self.pool, self.coder
        values: dict[str, Any] = {}
        error: BaseException | None = None
        remaining: list[Child] = []
        freed: list[int] = []
        for child in frame.children:
            if not self.done(child):
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


def _bound(values: dict[str, Any], name: str) -> bool:
    return name in values and values[name] is not UNBOUND


def _touched(values: dict[str, Any], touches: tuple[str, ...] | None) -> list[Any] | None:
    if touches is None:
        return None
    return [values[n] for n in touches if n in values]


# -- what the translated code calls ------------------------------------------------------


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
    """Create a task running ``function(thread, **args)``; returns the values of its
    ``shared`` names when it ran at once (else ``{}``: :func:`taskwait` has them).

    ``changes``: the names whose objects the task may change, and how deep (the
    translator's effects analysis); ``touches``: the same as a sync block's;
    ``fresh``: see :class:`Spec`.
    """
    state = thread.tasks or state_of(thread)
    frame = state.frames[-1]
    if cancelled(state, frame.current_group()):  # its taskgroup was cancelled: discarded
        return {}
    reads = tuple(d[1] for d in depend if len(d) == 2 and d[0] != "out")
    writes = tuple(d[1] for d in depend if len(d) == 2 and d[0] != "in")
    spec = Spec(shared, publish, in_reduction, touches, last, fresh, reads, writes)
    is_final = frame.final or bool(final)
    dependences = places(depend) if depend else []
    tag = state.tag(frame) if state.ordering else None
    try:
        if (
            state.pool is not None
            and if_
            and not is_final
            and state.create(function, args, spec, dependences, int(priority), changes, tag)
        ):
            return {}
        return state.run_now(function, args, spec, dependences, is_final, tag)
    finally:
        if state.ordering:
            state.resume(frame)


def taskwait(
    thread: ThreadContext,
    depend: tuple[tuple[Any, ...], ...] = (),
    fresh: tuple[str, ...] = (),
) -> dict[str, Any]:
    """Wait for the current task's children (with ``depend``: for the children those
    dependences name); returns the values of their ``shared`` names.  The names in
    ``fresh`` take the newest value published by any thread (a ``critical`` in a task
    publishes what it binds) rather than the one a child handed back."""
    state = thread.tasks
    if state is None:
        return {}
    frame = state.frames[-1]
    if not frame.children:
        return newest(thread, fresh)
    if depend:
        before = frame.deps.predecessors(places(depend)) if frame.deps else []
        state.wait_until(lambda: all(state.done(ref) for ref in before))
        values = state.collect(frame, done_only=True)
    else:
        children = frame.children
        state.wait_until(lambda: all(state.done(child) for child in children))
        values = state.collect(frame)
    values.update(newest(thread, fresh))
    return values


def newest(thread: ThreadContext, names: tuple[str, ...]) -> dict[str, Any]:
    """The newest published values of ``names`` (taken or not by this thread)."""
    coherence = thread.coherence
    if coherence is None or not names:
        return {}
    latest = coherence.latest
    return {name: latest[name][1] for name in names if name in latest}


def taskyield(thread: ThreadContext) -> None:
    """``taskyield``: accepted.  A task is never suspended in favour of another here,
    except at ``taskwait``, the end of a ``taskgroup`` and barriers."""


def barrier(thread: ThreadContext) -> None:
    """The tasks' part of a barrier (called by ``ThreadContext.exchange``)."""
    state = thread.tasks
    if state is None:
        team = thread.team
        if team is None or not team.tasking or thread.size == 1:
            return
        state = state_of(thread)
    state.barrier()


def prepare(team: Team) -> None:
    """Just before a team forks: whether it runs tasks, and which shared arrays its
    threads will all have (``taskcode.py``)."""
    team.tasking = ENABLED
    if not ENABLED:
        return
    arena = team.arena
    if arena.tasks is None:
        arena.tasks = tp.TaskPool(arena.capacity, arena.slot_bytes)
        arena.tasks.reset()
    arena.tasks.forked_after = sharedmem.made_so_far()


def region_body(body: Callable[..., Any]) -> Callable[..., Any]:
    """``body`` followed by the tasks' part of the barrier that ends a region."""

    def run(_omp_t: ThreadContext, **kwargs: Any) -> Any:
        values = body(_omp_t, **kwargs)
        barrier(_omp_t)
        return values

    return run
