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
- **Hand to the team.**  While the team's shared queues hold fewer ready tasks
  than threads wait with nothing to run (work-first), or, while handing over has
  been cheap in this thread, fewer than :data:`STOCK` per thread
  (``TaskStateCore.starving``), the thread hands its *oldest* kept task (nearest the
  root of its tree: the most work for one transfer) to the team's task table
  (``taskpool.py``), at every task creation and whenever it waits, unless tasks
  of its code at its depth took less than twice what moving data for a hand-over
  costs in the team (``TaskStateCore.worth_handing``).  A task with ``depend`` or
  ``priority`` is handed at once.
  Handing over publishes what the thread changed in shared objects, as leaving a
  ``critical`` does (``coherence.py``), so that the task sees it wherever it runs;
  an object the task may change that the team does not share yet (made by this
  thread after the fork) is published with it and shared from then on.  The
  function and its arguments are pickled (``taskcode.py``).

A thread that takes a task from the table applies the publication log first
(catching up with the creator), runs it, publishes what it changed (and the task's
``shared`` names that the region shares), and leaves the values of its ``shared``
names it rebound for its creator.  ``taskwait`` waits for the current task's
children, runs tasks meanwhile, and returns those values, which the generated code
assigns; a child's exception is raised there.  A name the creator rebound since
creating the task, or that two unordered siblings both rebound, is a data race
(``taskrace.py``: noted when a task is deferred, checked when its values are
collected, and at a barrier for the region's names it published).  A
barrier first runs tasks until every thread has arrived and the team has no task
left, so every task created before a barrier has completed after it; an exception
of a task nobody waited for is raised there, by the thread that ran it.

The cut-off: a task runs now when tasks of the same code at the same depth took
less than :data:`RUN_NOW_SECONDS` on average in this thread: handing it to another
thread would cost more than running it, and keeping it would only delay it.  A
thread that has run none of them yet goes by what another thread measured (longer
tasks are told to the team: ``TaskPool.record``).
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

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from . import sharedmem, taskevents
from . import taskpool as tp
from .taskcore import flush_for_task, newest
from .taskdeps import places
from .taskframes import Frame, all_done
from .taskgroups import TaskGroup, cancelled
from .taskrace import note
from .taskspec import TaskClauses, reading
from .taskstate import TaskState, state_of

if TYPE_CHECKING:
    from .team import Team
    from .thread import ThreadContext

# What the translated code calls, and the task modules' names the others use.
__all__ = [
    "Frame",
    "TaskState",
    "barrier",
    "newest",
    "prepare",
    "region_body",
    "state_of",
    "task",
    "task_event",
    "taskgroup",
    "taskwait",
    "taskyield",
    "uses_tasks",
]

# Set when a translated module that holds task constructs is imported: a team that
# starts afterwards runs tasks (and its barriers wait for them).
ENABLED = False


def uses_tasks() -> None:
    """Called (through ``threads/tasks.py``) by translated modules with task constructs
    on the fork backend (see :data:`ENABLED`)."""
    global ENABLED
    ENABLED = True


# -- what the translated code calls ------------------------------------------------------


def task(
    thread: ThreadContext, function: Any, args: dict[str, Any], clauses: TaskClauses
) -> dict[str, Any]:
    """Create a task running ``function(thread, **args)``; returns the values of its
    ``shared`` names when it ran at once (else ``{}``: :func:`taskwait` has them)."""
    state = thread.tasks or state_of(thread)
    frame = state.frames[-1]
    if clauses.detach is not None:
        return _detached(state, function, args, clauses)
    if cancelled(state, frame.current_group()):  # its taskgroup was cancelled: discarded
        return {}
    is_final = frame.final or bool(clauses.final)
    if not (clauses.depend or clauses.in_reduction or clauses.fresh) and (
        is_final or not clauses.if_ or state.pool is None or state.cut_off(function, frame)
    ):
        return state.run_inline(function, args, clauses, is_final)  # undeferred
    dependences = places(clauses.depend, clauses.scope) if clauses.depend else []
    spec = clauses.spec()
    if spec.reads:
        spec = reading(spec, frame.deps.written(dependences) if frame.deps else frozenset())
    if clauses.fresh:
        flush_for_task(thread, args, clauses.fresh)
    tag = state.tag(frame) if state.ordering else None
    try:
        if (
            state.pool is not None
            and clauses.if_
            and not is_final
            and state.create(
                function, args, spec, dependences, int(clauses.priority), clauses.changes, tag
            )
        ):
            if clauses.shared:  # deferred: its values are checked when collected
                frame.children[-1].noted = note(clauses, bool(dependences))
            return {}
        return state.run_now(function, args, spec, dependences, is_final, tag)
    finally:
        if state.ordering:
            state.resume(frame)


def _detached(
    state: TaskState, function: Any, args: dict[str, Any], clauses: TaskClauses
) -> dict[str, Any]:
    """``task detach(event)``: see ``taskevents.py``."""
    frame = state.frames[-1]
    spec = clauses.spec()
    is_final = frame.final or bool(clauses.final)
    dependences = places(clauses.depend, clauses.scope) if clauses.depend else []
    if spec.reads:
        spec = reading(spec, frame.deps.written(dependences) if frame.deps else frozenset())
    tag = state.tag(frame) if state.ordering else None
    try:
        return taskevents.create_detached(
            state, function, args, clauses, spec, dependences, is_final, tag
        )
    finally:
        if state.ordering:
            state.resume(frame)


def task_event(thread: ThreadContext) -> taskevents.Detached:
    """The event of the detached task the current task creates next (``detach``)."""
    return taskevents.new_event(thread.tasks or state_of(thread))


def taskwait(
    thread: ThreadContext,
    depend: tuple[tuple[Any, ...], ...] = (),
    fresh: tuple[str, ...] = (),
    scope: Any = None,
) -> dict[str, Any]:
    """Wait for the current task's children (with ``depend``: for the children those
    dependences name, ``scope`` the frame of the call naming them); returns the values
    of their ``shared`` names.  The names in ``fresh`` take the newest value published
    by any thread (a ``critical`` in a task publishes what it binds) rather than the
    one a child handed back."""
    state = thread.tasks
    if state is None:
        return {}
    frame = state.frames[-1]
    if not frame.children and not frame.elsewhere:
        return newest(thread, fresh)
    if depend:
        before = frame.deps.predecessors(places(depend, scope)) if frame.deps else []
        state.wait_until(all_done(before, state.done))
        values = state.collect(frame, done_only=True)
    else:
        children = frame.children
        state.wait_until(all_done(children, state.done))
        values = state.collect(frame)
        frame.deps = None  # every child has completed: none is a predecessor any more
    values.update(newest(thread, fresh))
    return values


def taskgroup(
    thread: ThreadContext,
    reduction: dict[str, tuple[str, Any]] | None = None,
    fresh: tuple[str, ...] = (),
) -> TaskGroup:
    """Open a taskgroup in the current task (``reduction``: its ``task_reduction``;
    ``fresh``: as for ``taskwait``; ``taskgroups.py``)."""
    return TaskGroup(state_of(thread), reduction or {}, fresh)


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
    taskevents.POOL = arena.tasks


def region_body(body: Callable[..., Any]) -> Callable[..., Any]:
    """``body`` followed by the tasks' part of the barrier that ends a region."""

    def run(_omp_t: ThreadContext, **kwargs: Any) -> Any:
        values = body(_omp_t, **kwargs)
        barrier(_omp_t)
        return values

    return run
