"""Loop scheduling: which iterations of a work-sharing loop each thread runs.

A loop's iteration space is a sequence (``range``, list, tuple, or a collapsed
product of those); a thread's share is handed out as slices of it, so the Python
``for`` statement iterates a ``range`` or a list slice at C speed and the runtime is
only consulted once per chunk.

- ``static`` without a chunk: one contiguous block per thread, in thread order
  (the first ``n % T`` threads get one iteration more, as in libgomp).
- ``static, c``: chunks of ``c`` dealt round-robin.
- ``dynamic, c``: chunks of ``c`` taken from a counter in shared memory.
- ``guided, c``: like dynamic, chunks of ``max(c, remaining / T)``.
- ``auto`` is ``static``; ``runtime`` is whatever ``OMP_SCHEDULE`` /
  ``omp_set_schedule`` say.
"""

from __future__ import annotations

import itertools
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from .icv import icv

SEQUENCE_TYPES = (range, list, tuple, str)


class Numbered(Sequence[tuple[int, Any]]):
    """``items`` with each item's number in the sequential order: item ``k`` is
    ``(k, items[k])``, for a loop that must know which iteration it runs
    (``lastprivate(conditional: x)``, transform/emit_conditional.py).  A slice, one
    thread's share, is made a list of pairs then; the whole is never copied."""

    __slots__ = ("items",)

    def __init__(self, items: Sequence[Any]) -> None:
        self.items = items

    def __len__(self) -> int:
        return len(self.items)

    def __getitem__(self, index: Any) -> Any:
        if isinstance(index, slice):
            numbers = range(len(self.items))[index]
            return list(zip(numbers, self.items[index], strict=True))
        if index < 0:
            index += len(self.items)
        return index, self.items[index]


def numbered(items: Any) -> Numbered:
    """The iteration space ``items`` (materialised once) with its items numbered."""
    return Numbered(items if is_sequence(items) else iteration_space(items))


class Collapsed(Sequence[tuple[Any, ...]]):
    """The iteration space of ``collapse(n)``: the product of n loops, row-major."""

    def __init__(self, spaces: Sequence[Sequence[Any]]) -> None:
        self.spaces = list(spaces)
        self.sizes = [len(s) for s in spaces]
        total = 1
        for size in self.sizes:
            total *= size
        self.total = total

    def __len__(self) -> int:
        return self.total

    def __iter__(self) -> Iterator[tuple[Any, ...]]:
        return itertools.product(*self.spaces)

    def __getitem__(self, index: Any) -> Any:
        if isinstance(index, slice):
            start, stop, step = index.indices(self.total)
            if step != 1:
                raise ValueError("collapsed iteration spaces are sliced contiguously")
            return _CollapsedSlice(self, start, stop)
        if index < 0:
            index += self.total
        if not 0 <= index < self.total:
            raise IndexError("collapsed iteration index out of range")
        return tuple(s[i] for s, i in zip(self.spaces, self._digits(index), strict=True))

    def _digits(self, index: int) -> list[int]:
        digits = []
        for size in reversed(self.sizes):
            index, digit = divmod(index, size)
            digits.append(digit)
        return digits[::-1]


class _CollapsedSlice:
    """Iterations ``start:stop`` of a collapsed space, without materialising them."""

    def __init__(self, space: Collapsed, start: int, stop: int) -> None:
        self.space, self.start, self.stop = space, start, stop

    def __iter__(self) -> Iterator[tuple[Any, ...]]:
        if self.stop <= self.start:
            return iter(())
        rows = _product_from(self.space.spaces, self.space._digits(self.start))
        return itertools.islice(rows, self.stop - self.start)


def _product_from(spaces: list[Sequence[Any]], digits: list[int]) -> Iterator[tuple[Any, ...]]:
    """The product of ``spaces`` in row-major order, starting at index ``digits``."""
    current = [space[d] for space, d in zip(spaces, digits, strict=True)]
    outer = tuple(current[:-1])
    for value in spaces[-1][digits[-1] :]:
        yield (*outer, value)
    # Then each enclosing level moves on by one, with every deeper level complete.
    for level in range(len(spaces) - 2, -1, -1):
        prefix = tuple(current[:level])
        rest = itertools.product(spaces[level][digits[level] + 1 :], *spaces[level + 1 :])
        for combo in rest:
            yield prefix + combo


def iteration_space(*iterables: Iterable[Any]) -> Sequence[Any]:
    """The iteration space of a loop (several for ``collapse``), materialised once."""
    spaces = [it if isinstance(it, SEQUENCE_TYPES) else list(it) for it in iterables]
    if len(spaces) == 1:
        return spaces[0]
    return Collapsed(spaces)


def nested_space(first: Iterable[Any], *inner: Callable[..., Iterable[Any]]) -> Iterator[Any]:
    """The iterations of a non-rectangular ``collapse`` nest in python's order:
    ``inner[k]`` is the iterable of level ``k + 2``, called with the values of the
    levels above it (``lambda i: range(i, n)``).  An iterator: thread 0 alone draws
    it for a ``for``'s team (Workshare.iteration_space)."""

    def below(prefix: tuple[Any, ...]) -> Iterator[tuple[Any, ...]]:
        level = len(prefix) - 1
        if level == len(inner):
            yield prefix
            return
        for value in inner[level](*prefix):
            yield from below((*prefix, value))

    for value in first:
        yield from below((value,))


def resolve(kind: str | None, chunk: int | None) -> tuple[str, int | None]:
    """The effective (kind, chunk) of a schedule clause: runtime and auto resolved."""
    if kind is None:
        return "static", None
    if kind == "runtime":
        kind, chunk = icv().schedule
    if kind == "auto":
        return "static", None
    if chunk is not None:
        chunk = int(chunk)
        if chunk < 1:
            raise ValueError(f"schedule chunk size must be positive, got {chunk}")
    return kind, chunk


def static_block(n: int, size: int, num: int) -> tuple[int, int]:
    """Thread ``num``'s contiguous block of ``n`` iterations among ``size`` threads."""
    base, extra = divmod(n, size)
    if num < extra:
        start = num * (base + 1)
        return start, start + base + 1
    start = extra * (base + 1) + (num - extra) * base
    return start, start + base


def static_chunks(items: Sequence[Any], n: int, chunk: int, size: int, num: int) -> Iterator[Any]:
    for start in range(num * chunk, n, size * chunk):
        yield from items[start : start + chunk]


def is_sequence(value: Any) -> bool:
    return isinstance(value, (*SEQUENCE_TYPES, Collapsed, Numbered)) or (
        "numpy" in sys.modules and isinstance(value, sys.modules["numpy"].ndarray)
    )
