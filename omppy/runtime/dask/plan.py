"""Schedules as tasks: which iterations each task of a region runs.

A ``parallel for`` becomes tasks of contiguous iterations, listed in iteration
order (so the master applies their changes, and combines their reductions, in the
order a sequential run makes them):

- ``static`` without a chunk: one task per thread, its block;
- ``static`` with a chunk, ``dynamic`` and ``guided``: one task per chunk, of the
  clause's size (``guided`` chunks shrink as in the fork backend), handed to thread
  ``k % T`` (what ``omp_get_thread_num()`` says in chunk ``k``).

A ``parallel`` region runs one task per thread: the code around its ``for`` runs
once per thread, and the ``for`` gives each thread its chunks as ``static`` would
(``dynamic`` and ``guided`` chunks round robin, a valid assignment of them).
"""

from __future__ import annotations

from ..schedule import static_block

Span = tuple[int, int]
Task = tuple[int, list[Span] | None]  # (thread number, its iterations; None: its loop's)


def chunks(n: int, kind: str, chunk: int | None, size: int) -> list[Span]:
    """The chunks of ``n`` iterations in iteration order (not for a static block)."""
    step = chunk or 1
    spans = []
    start = 0
    while start < n:
        length = max(step, -(-(n - start) // size)) if kind == "guided" else step
        spans.append((start, min(n, start + length)))
        start += length
    return spans


def loop_tasks(n: int, kind: str, chunk: int | None, size: int) -> list[Task]:
    """The tasks of a ``parallel for`` over ``n`` iterations (none for an empty loop)."""
    if kind == "static" and chunk is None:
        blocks = [(num, static_block(n, size, num)) for num in range(size)]
        return [(num, [span]) for num, span in blocks if span[1] > span[0]]
    return [(k % size, [span]) for k, span in enumerate(chunks(n, kind, chunk, size))]


def thread_spans(n: int, kind: str, chunk: int | None, size: int, num: int) -> list[Span]:
    """Thread ``num``'s iterations of a region's ``for`` (one task per thread)."""
    if kind == "static" and chunk is None:
        start, stop = static_block(n, size, num)
        return [(start, stop)] if stop > start else []
    return chunks(n, kind, chunk, size)[num::size]
