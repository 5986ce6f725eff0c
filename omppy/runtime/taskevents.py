"""``task detach(event)`` and ``omp_fulfill_event`` (docs/tasks.md, "Detached tasks").

A detached task completes when its body has ended *and* its event has been
fulfilled, in either order.  Until then ``taskwait``, the end of its ``taskgroup``,
barriers and its ``depend`` successors wait for it.  The translated code binds the
event before it creates the task (``event = _omp.task_event(_omp_t)``), so the task's
body and the code after it can hand it on.

On the fork backend the event of a task in a team is a slot of the team's task table
(``taskpool.py``), reserved when the event is made, counted as pending and in its
taskgroup from then on: :class:`TableEvent` is the slot and its id, which any thread
of the team, or any Python thread of its processes, can fulfill (the flag
``F_DETACHED`` cleared under the table's lock); a thread of the team publishes what it
changed first, so the task's successors see it.  The task itself goes to the table at
once, as a task with ``depend`` does, or runs at once (``if(false)``, ``final``, a
task that cannot travel); its slot is marked ``F_RAN`` when its body ends, and
whichever comes second, the body's end or the fulfilment, completes it.  With no
team (a team of one, outside a region) the task runs at once and
:class:`LocalEvent` marks its record in its creator.  The threads backend's event is
in ``threads/tasks.py``.

With plain ``python`` the pragma is a comment: the task's body runs where it stands
and ``omp_fulfill_event`` does nothing with what the program bound the name to.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any

from . import state
from . import taskpool as tp
from .errors import OmpError
from .taskcode import CannotTravel
from .taskdeps import Dependence
from .taskframes import Child, Kept
from .taskgroups import cancelled
from .taskspec import Spec, TaskClauses

if TYPE_CHECKING:
    from .taskstate import TaskState

# The task table of the newest team that runs tasks (tasks.prepare): a TableEvent
# names a slot of it, in every process of the team.
POOL: tp.TaskPool | None = None

NOT_AN_EVENT = (
    "detach(...) names the event the task is created with; the translated code makes it "
    "(this one is not an omppy event)"
)
FULFILLED_TWICE = (
    "omp_fulfill_event: this event was fulfilled already; OpenMP allows one "
    "omp_fulfill_event per detached task"
)


class Detached:
    """The event of a detached task (OpenMP's ``omp_event_handle_t``)."""

    def fulfill(self) -> None:
        raise NotImplementedError


class TableEvent(Detached):
    """The event of a detached task of a fork team: its slot in the task table."""

    __slots__ = ("slot", "tid")

    def __init__(self, slot: int, tid: int) -> None:
        self.slot = slot
        self.tid = tid

    def __repr__(self) -> str:
        return f"<omppy event of task {self.tid}>"

    def fulfill(self) -> None:
        pool = POOL
        if pool is None:
            raise OmpError("omp_fulfill_event: the team of this event has ended")
        # What this thread of the team changed before fulfilling reaches the task's
        # successors, wherever they run (as a task handed to the team publishes it).
        # Another Python thread of the process (a callback's) publishes nothing: it
        # is not the team's thread, whose context it would share.
        if threading.current_thread() is threading.main_thread():
            coherence = state.current().coherence
            if coherence is not None:
                coherence.publish("task", {}, None)
        words = pool.words
        base = pool.slot(self.slot)
        with pool.lock:
            flags = int(words[base + tp.S_FLAGS])
            if words[base + tp.S_ID] != self.tid or not flags & tp.F_DETACHED:
                raise OmpError(FULFILLED_TWICE)
            flags &= ~tp.F_DETACHED
            words[base + tp.S_FLAGS] = flags
            if flags & tp.F_RAN:  # its body has ended: it completes now
                hold = bool(flags & tp.F_HOLD) and (
                    bool(flags & tp.F_FAILED) or not flags & tp.F_ORPHAN
                )
                pool.finish(self.slot, 0, hold)


class LocalEvent(Detached):
    """The event of a detached task that ran with no team: its creator's record."""

    __slots__ = ("child", "fulfilled", "ran")

    def __init__(self, child: Child) -> None:
        self.child = child
        self.ran = False
        self.fulfilled = False

    def __repr__(self) -> str:
        return "<omppy event of a task>"

    def fulfill(self) -> None:
        if self.fulfilled:
            raise OmpError(FULFILLED_TWICE)
        self.fulfilled = True
        self.child.finished = self.ran

    def body_ended(self) -> None:
        self.ran = True
        self.child.finished = self.fulfilled


def omp_fulfill_event(event: Any) -> None:
    """Fulfill the event of a detached task (``task detach(event)``): the task
    completes once its body has ended too.  Anything else (what a program run by
    plain ``python`` bound the name to) is left alone."""
    if isinstance(event, Detached):
        event.fulfill()


def new_event(state: TaskState) -> Detached:
    """The event of a detached task that the current task is about to create."""
    pool = state.pool
    if pool is None:
        state.counter += 1
        return LocalEvent(Child(-1, -state.counter))
    words = pool.words
    group = state.frames[-1].current_group()
    state.lock()
    try:
        slot = pool.alloc_slot()
        tid = pool.new_id()
        base = pool.slot(slot)
        words[base + tp.S_ID] = tid
        words[base + tp.S_STATE] = tp.RUNNING  # not queued: task() decides
        words[base + tp.S_CREATOR] = state.thread.num
        words[base + tp.S_FLAGS] = tp.F_DETACHED
        state.count_in_table(base, group, kept=False)
    except tp.PoolFull:
        raise OmpError(
            f"more than {tp.SLOTS} tasks are in flight in this team; omppy's task table "
            "has no room for a detached task"
        ) from None
    finally:
        state.unlock()
    return TableEvent(slot, tid)


def create_detached(
    state: TaskState,
    function: Any,
    args: dict[str, Any],
    clauses: TaskClauses,
    spec: Spec,
    dependences: list[Dependence],
    final: bool,
    tag: tuple[int, ...] | None,
) -> dict[str, Any]:
    """Create a detached task whose event ``clauses.detach`` is: deferred to the
    table, or run now; either way it completes when its event is fulfilled too."""
    event = clauses.detach
    frame = state.frames[-1]
    if frame_cancelled(state):  # discarded: its body never runs (taskgroups.py)
        body_ended(state, event)
        return {}
    if isinstance(event, LocalEvent):
        values = state.run_now(function, args, spec, dependences, final, tag)
        state.results[event.child.tid] = ({}, None)  # its values are handed back now
        frame.children.append(event.child)
        event.body_ended()
        return values
    if not isinstance(event, TableEvent):
        raise OmpError(NOT_AN_EVENT)
    child = Child(event.slot, event.tid)
    before = frame.deps.predecessors(dependences) if frame.deps and dependences else []
    ref = (child.slot, child.tid)
    if clauses.if_ and not final:
        group = frame.current_group()
        depth = frame.depth + 1
        order = state.new_order() if spec.in_reduction else 0
        creator = state.key_of(frame) if spec.reads or spec.writes else ""
        changes = clauses.changes
        task = Kept(function, args, spec, depth, group, child, changes, order, creator, tag)
        try:
            state.hand_over(task, before, int(clauses.priority), reserved=True)
        except (CannotTravel, tp.PoolFull):
            pass  # it runs now, below
        else:
            frame.children.append(child)
            if dependences:
                state.dependences(frame).record(dependences, ref, state.done)
            return {}
    state.wait_for(before)  # and what its predecessors changed, wherever they ran
    if dependences:
        state.dependences(frame).record(dependences, ref, state.done)
    try:
        values = state.run_now(function, args, spec, [], final, tag)
    finally:
        state.results[child.tid] = ({}, None)  # its values are handed back now
        frame.children.append(child)
        state.complete(child.slot, b"", False, mine=True)
    return values


def frame_cancelled(state: TaskState) -> bool:
    return cancelled(state, state.frames[-1].current_group())


def body_ended(state: TaskState, event: Any) -> None:
    """A detached task that will not run (its taskgroup was cancelled) ended."""
    if isinstance(event, LocalEvent):
        event.body_ended()
    elif isinstance(event, TableEvent):
        state.complete(event.slot, b"", False, mine=True)


def waited_in_vain() -> OmpError:
    """A thread with no team waits for a detached task whose event nothing can
    fulfill now."""
    return OmpError(
        "this wait is for a detached task whose event is not fulfilled, and no other "
        "thread can fulfill it: call omp_fulfill_event(event) before waiting for the "
        "task (taskwait, the end of its taskgroup, a barrier)"
    )


def others_may_fulfill() -> bool:
    """Whether another Python thread of this process might fulfill an event."""
    return threading.active_count() > 1
