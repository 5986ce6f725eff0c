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

from typing import TYPE_CHECKING, Any

from . import schedule
from .taskgroups import TaskGroup
from .tasks import state_of, task

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
    """Run the loop as tasks; returns the reductions' results, the ``lastprivate``
    values and the ``shared`` values of the chunks' tasks."""
    if not schedule.is_sequence(items):
        items = schedule.iteration_space(items)
    spans = chunks(len(items), thread.size, grainsize, num_tasks, strict)
    reduction = reduction or {}
    group = None if nogroup else TaskGroup(state_of(thread), reduction)
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
                    changes=changes,
                    touches=touches,
                    last=lastprivate if stop == len(items) else (),
                    fresh=fresh,
                )
            )
    finally:
        if group is not None:
            values.update(group.end({}))
    return values
