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

import sys
from typing import TYPE_CHECKING, Any

from .. import backend
from .. import tasks as fork_tasks
from ..errors import OmpError
from ..taskdeps import places
from ..taskevents import NOT_AN_EVENT, Detached
from ..taskframes import all_done
from ..taskloop import run as run_taskloop
from ..taskloop import taskloop as fork_taskloop
from ..taskspec import TaskClauses, TaskloopClauses, reading
from ..unbound import UNBOUND
from .taskqueue import Group, Task, TeamTasks, ThreadEvent, cancelled, is_done
from .taskstate import ThreadTasks, state_of

if TYPE_CHECKING:
    from ..thread import ThreadContext
    from .context import ThreadedContext
    from .team import ThreadTeam

# The threads backend's task names the other modules use, and the entry points.
__all__ = [
    "ThreadTasks",
    "state_of",
    "task",
    "task_event",
    "taskgroup",
    "taskloop",
    "taskwait",
    "taskyield",
    "team_tasks",
    "uses_tasks",
]

# Set when a translated module with task constructs is imported on this backend: the
# teams that start afterwards run tasks (and their barriers wait for them).
ENABLED = False


def team_tasks(team: ThreadTeam) -> TeamTasks | None:
    """The task deques of a new team, if it runs tasks (see :data:`ENABLED`)."""
    return TeamTasks(team) if ENABLED and team.size > 1 else None


# -- what the translated code calls (``omppy.runtime`` exports these) ---------------------


def _is_done_child(child: Any) -> bool:
    return bool(child.done)


def _threaded(thread: Any) -> bool:
    return getattr(thread, "threaded", False)


def uses_tasks() -> None:
    """Called by translated modules with task constructs."""
    global ENABLED
    if backend.chosen() == "threads":
        ENABLED = True
    else:
        fork_tasks.uses_tasks()


def task(
    thread: ThreadContext, function: Any, args: dict[str, Any], **clauses: Any
) -> dict[str, Any]:
    """Create a task running ``function(thread, **args)`` (see ``runtime/tasks.py``);
    ``clauses``: the fields of :class:`~omppy.runtime.taskspec.TaskClauses`."""
    if "depend" in clauses:  # its names are the variables of the calling function's call
        clauses["scope"] = sys._getframe(1)
    return create(thread, function, args, TaskClauses(**clauses))


def create(
    thread: ThreadContext, function: Any, args: dict[str, Any], clauses: TaskClauses
) -> dict[str, Any]:
    """:func:`task` with its clauses gathered, on either backend."""
    if not _threaded(thread):
        return fork_tasks.task(thread, function, args, clauses)
    me: ThreadedContext = thread  # type: ignore[assignment]
    tasks = state_of(me)
    frame = tasks.frames[-1]
    event = clauses.detach
    if event is not None and not isinstance(event, ThreadEvent):
        raise OmpError(NOT_AN_EVENT)
    if cancelled(frame.current_group()):  # its taskgroup was cancelled: discarded
        if event is not None:  # its body never runs, and it completes when fulfilled
            event.task = Task(function, {}, clauses.spec(), frame, me.num, None, 0)
            event.task.ran = True
        return {}
    spec = clauses.spec()
    is_final = frame.final or bool(clauses.final)
    dependences = places(clauses.depend, clauses.scope) if clauses.depend else []
    if spec.reads:
        spec = reading(spec, frame.deps.written(dependences) if frame.deps else frozenset())
    if clauses.fresh:
        flush_for_task(me, args, clauses.fresh)
    ordering = tasks.ordering()
    tag = tasks.tag(frame) if ordering else None
    try:
        if tasks.pool is not None and clauses.if_ and not is_final:
            tasks.defer(function, args, spec, dependences, int(clauses.priority), tag, event)
            return {}
        if event is not None:
            return tasks.run_detached_now(function, args, spec, dependences, is_final, tag, event)
        return tasks.run_now(function, args, spec, dependences, is_final, tag)
    finally:
        if ordering:
            tasks.resume(frame)


def task_event(thread: ThreadContext) -> Detached:
    """The event of the detached task the current task creates next (``detach``;
    ``runtime/taskevents.py``)."""
    if not _threaded(thread):
        return fork_tasks.task_event(thread)
    me: ThreadedContext = thread  # type: ignore[assignment]
    return ThreadEvent(state_of(me).pool)


def taskwait(
    thread: ThreadContext,
    depend: tuple[tuple[Any, ...], ...] = (),
    fresh: tuple[str, ...] = (),
) -> dict[str, Any]:
    """Wait for the current task's children (with ``depend``: those it names)."""
    scope = sys._getframe(1) if depend else None  # the call naming the places
    if not _threaded(thread):
        return fork_tasks.taskwait(thread, depend, fresh, scope)
    me: ThreadedContext = thread  # type: ignore[assignment]
    tasks = me.task_state
    newest = me.team.fresh(fresh) if fresh else {}
    if tasks is None:
        return newest
    frame = tasks.frames[-1]
    if not frame.children and not frame.elsewhere:
        return newest
    if depend:
        deps = frame.deps
        before = deps.predecessors(places(depend, scope)) if deps else []
        tasks.wait_until(lambda: all(is_done(t) for t in before))  # type: ignore[arg-type]
        values = tasks.collect(frame, done_only=True)
    else:
        children = frame.children
        tasks.wait_until(all_done(children, _is_done_child))
        values = tasks.collect(frame)
        frame.deps = None  # every child has completed: none is a predecessor any more
    values.update(me.team.fresh(fresh) if fresh else {})
    return values


def flush_for_task(me: ThreadedContext, args: dict[str, Any], fresh: tuple[str, ...]) -> None:
    """The threads backend's ``taskcore.flush_for_task``: the creator's values of a
    new task's ``fresh`` names that are not the newest published ones are published
    now (its block will not publish them again unless it binds them anew)."""
    if not me.inside or me.inside[-1] == "task":
        return  # (in no block, or in a task, whose end publishes what it binds)
    published = me.team.published
    stale = {
        name: args[name]
        for name in fresh
        if name in args
        and args[name] is not UNBOUND
        and (name not in published or published[name] is not args[name])
    }
    if stale:
        me.team.publish(stale, me.num)
        me.flushed.update(stale)


def taskyield(thread: ThreadContext) -> None:
    """``taskyield``: accepted; a task is suspended only where it waits."""


def taskgroup(
    thread: ThreadContext,
    reduction: dict[str, tuple[str, Any]] | None = None,
    fresh: tuple[str, ...] = (),
) -> Any:
    """Open a taskgroup in the current task."""
    if not _threaded(thread):
        return fork_tasks.taskgroup(thread, reduction, fresh)
    return Group(state_of(thread), reduction or {}, fresh)  # type: ignore[arg-type]


def taskloop(
    thread: ThreadContext, function: Any, items: Any, args: dict[str, Any], **clauses: Any
) -> dict[str, Any]:
    """Run the loop as tasks (see ``runtime/taskloop.py``); ``clauses``: the fields of
    :class:`~omppy.runtime.taskspec.TaskloopClauses` and of ``TaskClauses``."""
    loop, per_task = TaskloopClauses.split(clauses)
    if not _threaded(thread):
        return fork_taskloop(thread, function, items, args, loop, per_task)

    def open_group(reduction: dict[str, tuple[str, Any]]) -> Group:
        return Group(state_of(thread), reduction, ())  # type: ignore[arg-type]

    return run_taskloop(thread, function, items, args, loop, per_task, open_group, create)
