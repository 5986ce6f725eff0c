"""``taskloop``: a loop's iterations split into chunks, one task per chunk.

The translator outlines the loop body into ``def _omp_taskloop_<line>(_omp_t,
_omp_chunk, <captured names>)``, whose ``for`` iterates ``_omp_chunk``; the thread
that reaches the construct (usually inside ``single`` or ``master``) calls
:func:`taskloop` with the loop's iteration space.  Unless ``nogroup``, the tasks run
in an implicit taskgroup that the construct waits for; ``reduction(op: x)`` is that
group's ``task_reduction`` and every chunk's task has ``in_reduction(op: x)``.  The
task that runs the last iteration hands back the ``lastprivate`` values.

How many tasks (OpenMP 5.2, 12.6):

- ``grainsize(g)``: ``n // g`` tasks of between ``g`` and ``2g - 1`` iterations
  (one task when ``n < g``); ``grainsize(strict: g)``: tasks of exactly ``g``
  iterations, the last one shorter;
- ``num_tasks(k)``: ``min(k, n)`` tasks of nearly equal size (``strict`` changes
  nothing then);
- neither: :data:`TASKS_PER_THREAD` tasks per thread of the team (at most ``n``),
  enough for idle threads to even out uneven iterations.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from . import schedule
from .errors import OmpError
from .taskgroups import TaskGroup
from .tasks import state_of, task
from .taskspec import TaskClauses, TaskloopClauses

if TYPE_CHECKING:
    from .thread import ThreadContext

TASKS_PER_THREAD = 4


def chunks(
    n: int, size: int, grainsize: Any = None, num_tasks: Any = None, strict: bool = False
) -> list[tuple[int, int]]:
    """The ``[start, stop)`` of each task's iterations (see the module docstring)."""
    if n <= 0:
        return []
    if grainsize is not None:
        grain = int(grainsize)
        if grain < 1:
            raise ValueError(f"grainsize must be positive, got {grain}")
        if strict:
            return [(start, min(start + grain, n)) for start in range(0, n, grain)]
        count = max(1, n // grain)
    elif num_tasks is not None:
        count = int(num_tasks)
        if count < 1:
            raise ValueError(f"num_tasks must be positive, got {count}")
        count = min(count, n)
    else:
        count = min(n, TASKS_PER_THREAD * size)
    base, extra = divmod(n, count)
    found = []
    start = 0
    for index in range(count):
        stop = start + base + (index < extra)
        found.append((start, stop))
        start = stop
    return found


def run(
    thread: ThreadContext,
    function: Any,
    items: Any,
    args: dict[str, Any],
    loop: TaskloopClauses,
    clauses: TaskClauses,
    open_group: Callable[[dict[str, tuple[str, Any]]], Any],
    create: Callable[[Any, Any, dict[str, Any], TaskClauses], dict[str, Any]],
) -> dict[str, Any]:
    """Run the loop as tasks, on either backend: ``open_group(reduction)`` opens the
    implicit taskgroup, ``create(thread, function, args, clauses)`` creates a task.
    Returns the reductions' results, the ``lastprivate`` values and the ``shared``
    values of the chunks' tasks."""
    if not schedule.is_sequence(items):
        items = schedule.iteration_space(items)
    spans = chunks(len(items), thread.size, loop.grainsize, loop.num_tasks, loop.strict)
    reduction = loop.reduction or {}
    group = None if loop.nogroup else open_group(reduction)
    joined = dict(clauses.in_reduction or {})
    joined.update({name: op for name, (op, _) in reduction.items()})
    inner = clauses._replace(in_reduction=joined or None)
    last = inner._replace(last=loop.lastprivate)
    values: dict[str, Any] = {}
    try:
        for start, stop in spans:
            chunk_args = dict(args)
            chunk_args["_omp_chunk"] = items[start:stop]
            chunk_clauses = last if stop == len(items) else inner
            handed = create(thread, function, chunk_args, chunk_clauses)
            values.update(handed)
            # A task that ran at once (a team of one, the cut-off) handed back its
            # ``shared`` names: the next chunks start from them, as the loop's next
            # iterations do in python (``count += 1`` under atomic in every chunk).
            for name in inner.shared:
                if name in handed:
                    args[name] = handed[name]
    finally:
        if group is not None:
            values.update(group.end({}))
    return values


def taskloop(
    thread: ThreadContext,
    function: Any,
    items: Any,
    args: dict[str, Any],
    loop: TaskloopClauses,
    clauses: TaskClauses,
) -> dict[str, Any]:
    """The fork backend's ``taskloop`` (see :func:`run`)."""

    def open_group(reduction: dict[str, tuple[str, Any]]) -> TaskGroup:
        return TaskGroup(state_of(thread), reduction)

    return run(thread, function, items, args, loop, clauses, open_group, task)


def check_team_reduction(scope: dict[str, Any], operators: dict[str, str]) -> None:
    """Before a ``taskloop`` that every thread of a region reaches (in no ``single``,
    ``master`` or ``masked``): its reduction names must have a value in this thread.

    A name the region binds is each thread's own (docs/data-sharing.md), so a name
    bound only by the taskloop's reduction has none.  OpenMP would add every thread's
    taskloop into one shared variable; omppy does not, and says so rather than fail
    with an ``UnboundLocalError`` at the user's line (the translator emits the call:
    emit_tasks.py)."""
    for name, op in operators.items():
        if name not in scope:
            raise OmpError(
                f"taskloop reduction({op}: {name}): '{name}' has no value in this thread. "
                "Every thread of the region runs this taskloop (it is in no 'single', "
                f"'master' or 'masked'), and '{name}', bound in the region, is each "
                f"thread's own: OpenMP would add every thread's taskloop into one shared "
                f"'{name}', which omppy does not do. Put the taskloop in '# omp single' "
                "(one thread creates the tasks, the team runs them), or bind "
                f"'{name}' in the region before it for a result per thread"
            )
