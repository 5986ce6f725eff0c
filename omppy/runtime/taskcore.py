"""One thread's tasks on the fork backend, the data and the small steps: its stack of
frames, its own queue, its side of the team's task table (``taskpool.py``) and its
lock, python's order of the keys tasks add to shared dicts, the cut-off's
measurements, and what a task takes when it starts and publishes when it ends.

:class:`TaskStateCore` is the base of :class:`~.taskstate.TaskState`; the larger
steps are its mixins: creating and handing over (``taskhandoff.py``), running
(``taskrun.py``) and waiting (``taskwaiting.py``).  The whole story is in
``tasks.py``'s module docstring.
"""

from __future__ import annotations

import collections
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from . import taskpool as tp
from .taskcode import TaskCoder
from .taskdeps import Dependences, Ref
from .taskframes import Child, Frame, Kept
from .taskspec import Spec, bound, dependence_key
from .unbound import UNBOUND

if TYPE_CHECKING:
    from .taskgroups import GroupRef
    from .thread import ThreadContext

STOCK = 2  # ready tasks per thread the team's queues should hold (when handing is cheap)
# Handing a task over (publishing what its creator changed, pickling it) that took
# longer than this, on average, is done only for an idle thread: a stock of ready
# tasks would mostly go back to their creator, each after a costly publication.
CHEAP_HANDOFF_SECONDS = 1e-3
# Measured shorter than this, a task runs at once: handing it to another process
# costs more than it takes (benchmarks/tasks.py measures the cost), and keeping it
# would only delay it.
RUN_NOW_SECONDS = 3e-4
# A task goes to an idle thread only when tasks of its code at its depth took longer
# than this many times what moving data for one hand-over costs in the team (the
# creator's publication and the taker's catch-up, ``taskpool.SEND_US``/``TAKE_US``):
# its results come back at about the same cost.  A quicksort's last tasks, each
# carrying a quarter of a million floats each way, are faster run where they are.
TRANSFER_FACTOR = 2.0
MAX_NESTING = 40  # tasks run inside one another by one thread before it only waits
_WEIGHT = 0.25  # of a new measurement in the running average
_OUTLIER = 4.0  # a measurement counts at most this many times the average so far
clock = time.perf_counter
cpu_clock = time.thread_time


class TaskStateCore:
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
            self.idle_word = pool.idle_base + thread.num
            self.idle_flags = slice(pool.idle_base, pool.idle_base + thread.size)
        # What handing a task over cost in this thread (a running average, seconds);
        # before its first hand-over, the team's average (:meth:`starving`).
        self.handoff_cost = 0.0
        self.handoffs = 0
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
        if frame.inline is not None:  # a task run at once creates its first task
            frame.tag = self.tag(frame.inline)
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
        """What tasks of ``function`` at ``depth`` took in this thread; not measured
        here yet, what another thread of the team measured (:meth:`measure`)."""
        code = function.__code__
        found = self.durations.get((code, depth))
        if found is None and self.pool is not None:
            return self.pool.recorded(team_key(code, depth))
        return found

    def cut_off(self, function: Any, creator: Frame) -> bool:
        """Whether a task of ``function`` that ``creator`` makes runs at once, as
        tasks of its code at its depth took less than :data:`RUN_NOW_SECONDS`."""
        measured = self.measured(function, creator.depth + 1)
        return measured is not None and measured < RUN_NOW_SECONDS

    def measure(self, function: Any, depth: int, seconds: float) -> None:
        code = getattr(function, "__code__", None)
        key = (code, depth)
        old = self.durations.get(key)
        # (A process that waited for a CPU meanwhile must not make it look long.)
        new = seconds if old is None else old + _WEIGHT * (min(seconds, _OUTLIER * old) - old)
        self.durations[key] = new
        # Tasks long enough to hand over are told to the team: a thread that has not
        # run one of this code at this depth yet decides by it.  (A quicksort's worker,
        # its half's two quarters kept, must not hand one to the master gone idle, as
        # if nothing were known: a quarter of a million floats there and back cost
        # twice what sorting it does.)  Short ones stay here: nothing to decide.
        if self.pool is not None and code is not None and (
            new >= RUN_NOW_SECONDS or (old is not None and old >= RUN_NOW_SECONDS)
        ):
            self.pool.record(team_key(code, depth), int(new * 1e6))

    def starving(self) -> bool:
        """Whether the team's queues hold too few tasks: fewer than the threads that
        wait with nothing to run (work-first: else the creator runs its own tasks,
        where they cost nothing to hand over), or, while handing over is cheap, fewer
        than :data:`STOCK` per thread (a thread that runs out finds one at once)."""
        assert self.pool is not None
        words = self.pool.words
        queued = words[tp.QUEUED]
        if queued < sum(words[self.idle_flags]) - words[self.idle_word]:
            return True
        if queued >= self.stock:
            return False
        # A thread that has handed nothing over yet goes by what handing over cost
        # the team so far (the creators' CPU time): a quicksort's worker, given a
        # half that took the master 45 ms to publish, must not stock its quarters
        # for a busy master, each moving a quarter of a million floats twice.
        cost = self.handoff_cost if self.handoffs else int(words[tp.SEND_US]) * 1e-6
        return cost < CHEAP_HANDOFF_SECONDS

    def idle(self, flag: int) -> None:
        """Say whether this thread waits with nothing to run (see :meth:`starving`)."""
        if self.pool is not None:
            self.pool.words[self.idle_word] = flag

    def handed_in(self, seconds: float, cpu: float) -> None:
        """A task was handed over in ``seconds`` (``cpu`` of them this thread's CPU
        time): the running average of the cost, this thread's and the team's
        (:data:`~.taskpool.SEND_US`)."""
        self.handoff_cost += _WEIGHT * (seconds - self.handoff_cost)
        self.handoffs += 1
        self._team_average(tp.SEND_US, cpu)

    def caught_up(self, cpu: float) -> None:
        """Starting a task another thread handed over, catching up with the team took
        ``cpu`` seconds of this thread's CPU time (:data:`~.taskpool.TAKE_US`)."""
        self._team_average(tp.TAKE_US, cpu)

    def _team_average(self, word: int, seconds: float) -> None:
        """A running average of CPU times (a preempted thread's wall time would make
        one hand-over look long), a measurement counting at most :data:`_OUTLIER`
        times the average so far."""
        assert self.pool is not None
        words = self.pool.words
        old = int(words[word])
        micros = int(seconds * 1e6)
        if old:
            micros = int(old + _WEIGHT * (min(micros, _OUTLIER * old) - old))
        words[word] = max(1, micros)

    def worth_handing(self, task: Kept) -> bool:
        """Whether handing ``task`` to an idle thread can pay: tasks of its code at its
        depth took longer than :data:`TRANSFER_FACTOR` times a hand-over's moving
        cost (nothing measured yet: yes)."""
        measured = self.measured(task.function, task.depth)
        if measured is None:
            # Not measured at its depth yet: its own tasks' (one level down) are a
            # bound from below for a task that makes them (a quicksort's half, whose
            # first quarter is done); nothing measured: hand it over.
            measured = self.measured(task.function, task.depth + 1)
            if measured is None:
                return True
        assert self.pool is not None
        words = self.pool.words
        moving = (int(words[tp.SEND_US]) + int(words[tp.TAKE_US])) * 1e-6
        return measured > TRANSFER_FACTOR * moving

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

    # -- what a task takes and leaves ---------------------------------------------------

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
            keys = {dependence_key(n, creator, spec.scope): n for n in spec.reads}
            left = newest(self.thread, tuple(keys))
            args = {**args, **{keys[k]: v for k, v in left.items()}}
        return args

    def published(self, values: dict[str, Any], spec: Spec, creator: str) -> dict[str, Any]:
        """What a task publishes by name when it ends: the region's shared names it
        hands back, and the names it leaves for its successors."""
        found = {n: values[n] for n in spec.publish if bound(values, n)}
        for name in spec.writes:
            if bound(values, name):
                found[dependence_key(name, creator, spec.scope)] = values[name]
        return found

    def dependences(self, frame: Frame) -> Dependences:
        if frame.deps is None:
            frame.deps = Dependences()
        return frame.deps

    # -- the steps of the mixins (taskhandoff.py, taskrun.py, taskwaiting.py) ---------

    if TYPE_CHECKING:

        def offer(self, force: bool = False) -> None: ...
        def run_kept(self, task: Kept) -> None: ...
        def take(self, allowed: list[Child] | None = None) -> int: ...
        def run_slot(self, slot: int) -> None: ...
        def abandon(self, frame: Frame) -> None: ...
        def wait_until(self, ready: Callable[[], bool]) -> None: ...
        def wait_for(self, before: list[Ref]) -> None: ...


def team_key(code: Any, depth: int) -> int:
    """The key under which the team shares what tasks of ``code`` at ``depth`` took
    (``TaskPool.record``): the code object's address, the same in every process of
    the team for code made before the fork (for code made after, two processes may
    name two codes alike: an estimate goes wrong, never a result)."""
    return id(code) * 1024 + min(depth, 1023)


def flush_for_task(thread: ThreadContext, args: dict[str, Any], fresh: tuple[str, ...]) -> None:
    """A task is created that takes the newest published values of ``fresh`` (names a
    ``critical`` or ``atomic`` in it binds): the creator's values it passes that are
    not the newest published ones were bound since (``r = 0`` before tasks that add
    to ``r`` under ``atomic``), so they are published now, before the task can run,
    as OpenMP orders the creator's write before the task.  Without this the task
    would start from an older publication, and the block the creator is in would
    publish its value after the tasks' when it ends."""
    coherence = thread.coherence
    if coherence is None or not thread.inside or thread.inside[-1] == "task":
        return  # (in no block, or in a task, whose end publishes what it binds)
    latest = coherence.latest
    stale = {
        name: args[name]
        for name in fresh
        if name in args
        and args[name] is not UNBOUND
        and (name not in latest or latest[name][1] is not args[name])
    }
    if stale:
        coherence.publish("task", stale, [], True)
        thread.flushed.update(stale)


def newest(thread: ThreadContext, names: tuple[str, ...]) -> dict[str, Any]:
    """The newest published values of ``names`` (taken or not by this thread)."""
    coherence = thread.coherence
    if coherence is None or not names:
        return {}
    latest = coherence.latest
    return {name: latest[name][1] for name in names if name in latest}


def touched(values: dict[str, Any], touches: tuple[str, ...] | None) -> list[Any] | None:
    """The objects of the names a task may change, for the publication's comparisons."""
    if touches is None:
        return None
    return [values[n] for n in touches if n in values]
