"""Prefix reductions: a loop with ``reduction(inscan, op: x)`` and ``# omp scan``.

Each thread takes one contiguous block of the iterations, in thread order (a static
schedule).  In a first pass it runs the *input phase* of each of its iterations,
starting the reduction variables from the identity, and keeps what each iteration
added.  At a barrier the threads hand each other their blocks' totals, so each
knows the total of the blocks before its own; in a second pass it runs the *scan
phase* of each iteration with the variables set to their prefix: the original value
combined with every earlier iteration's part (``inclusive``: this one's too).
Finally each thread's variables hold its block's total, which the construct's end
combines into the original, as for any reduction.

Values are combined in iteration order, so a non-commutative operator (string
``+``) gives the sequential result.  A prefix of a mutable value is a copy: an
iteration that keeps it (``out[i] = total``) keeps its own.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

from . import schedule
from .reduction import combine, identity
from .region import private_copy

if TYPE_CHECKING:
    from .thread import ThreadContext


class Scan:
    """One thread's part of one scan loop (see the module docstring)."""

    def __init__(
        self,
        thread: ThreadContext,
        items: Sequence[Any],
        reduction: dict[str, tuple[Any, Any]],
        inclusive: bool,
    ) -> None:
        self.thread = thread
        if not schedule.is_sequence(items):
            items = schedule.iteration_space(items)
        self.items = items
        self.names = list(reduction)
        self.ops = [op for op, _ in reduction.values()]
        self.originals = [original for _, original in reduction.values()]
        self.inclusive = inclusive
        n = len(items)
        self.start, self.stop = schedule.static_block(n, thread.size, thread.num)
        thread.did_last = self.stop == n and self.stop > self.start
        self.parts: list[tuple[Any, ...]] = []
        self.running: list[Any] = []
        self.totals: list[Any] = []

    def _one(self, values: list[Any]) -> Any:
        return values[0] if len(values) == 1 else tuple(values)

    # -- the input phases -------------------------------------------------------------

    def inputs(self) -> Iterator[Any]:
        for index in range(self.start, self.stop):
            yield self.items[index]

    def identity(self) -> Any:
        """The reduction variables' values at the start of an input phase."""
        return self._one([identity(op, o) for op, o in zip(self.ops, self.originals, strict=True)])

    def keep(self, *values: Any) -> None:
        """What an iteration's input phase added."""
        self.parts.append(values)

    # -- the scan phases ------------------------------------------------------------

    def scans(self) -> Iterator[Any]:
        columns = list(zip(*self.parts, strict=True)) if self.parts else [()] * len(self.names)
        self.totals = [
            combine(op, identity(op, o), list(column))
            for op, o, column in zip(self.ops, self.originals, columns, strict=True)
        ]
        blocks = self.thread.exchange(self.totals) if self.thread.size > 1 else [self.totals]
        self.running = [
            combine(op, private_copy(o), [block[k] for block in blocks[: self.thread.num]])
            for k, (op, o) in enumerate(zip(self.ops, self.originals, strict=True))
        ]
        for offset, index in enumerate(range(self.start, self.stop)):
            self._offset = offset
            if self.inclusive:
                self._advance(offset)
            yield self.items[index]
            if not self.inclusive:
                self._advance(offset)

    def _advance(self, offset: int) -> None:
        self.running = [
            combine(op, value, [part])
            for op, value, part in zip(self.ops, self.running, self.parts[offset], strict=True)
        ]

    def prefix(self) -> Any:
        """The reduction variables' values in a scan phase: their prefix."""
        return self._one([private_copy(v) for v in self.running])

    def partial(self) -> Any:
        """After the loop: this thread's part of the reduction (its block's total)."""
        return self._one(list(self.totals))


def scan(
    thread: ThreadContext,
    items: Sequence[Any],
    reduction: dict[str, tuple[Any, Any]],
    inclusive: bool = True,
) -> Scan:
    return Scan(thread, items, reduction, inclusive)
