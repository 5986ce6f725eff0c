"""The ``linear`` clause: a variable that grows by a fixed step each iteration.

``linear(j: s)`` on a loop: iteration ``k`` starts with ``j = j0 + k * s``, where
``j0`` is the value before the loop, whichever thread runs it; after the loop ``j``
has the sequentially last iteration's value (the construct's end hands it back,
as for ``lastprivate``).  The clause is a promise about the body (it adds ``s``
to ``j`` once per iteration): each thread checks it, at the start of its next
iteration and after its last, since where it fails the sequential program computes
something else.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from .errors import OmpError

if TYPE_CHECKING:
    from .thread import ThreadContext


class Linear:
    """One thread's linear variables in one loop."""

    def __init__(self, thread: ThreadContext, values: dict[str, tuple[Any, Any]]) -> None:
        self.names = list(values)
        self.starts = [start for start, _ in values.values()]
        self.steps = [step for _, step in values.values()]
        self.index = -1  # the iteration running now
        self.previous = -1  # the iteration this thread ran before it

    def over(self, numbers: Iterable[int], items: Sequence[Any]) -> Iterator[Any]:
        """The items of the iterations numbered ``numbers`` (this thread's share)."""
        for number in numbers:
            self.index = number
            yield items[number]

    def _values(self, k: int) -> list[Any]:
        return [start + k * step for start, step in zip(self.starts, self.steps, strict=True)]

    def _check(self, current: tuple[Any, ...]) -> None:
        if self.previous < 0:
            return
        expected = self._values(self.previous + 1)
        for name, value, wanted, step in zip(self.names, current, expected, self.steps,
                                             strict=True):
            same = (
                math.isclose(value, wanted, rel_tol=1e-9, abs_tol=1e-12)
                if isinstance(value, float) or isinstance(wanted, float)
                else value == wanted
            )
            if not same:
                raise OmpError(
                    f"linear({name}: {step!r}): iteration {self.previous} of the loop left "
                    f"'{name}' at {value!r}, but the clause says the next iteration starts "
                    f"at {wanted!r}: the loop must add {step!r} to '{name}' once per iteration"
                )

    def start(self, *current: Any) -> Any:
        """The linear variables' values at the start of the current iteration."""
        self._check(current)
        self.previous = self.index
        values = self._values(self.index)
        return values[0] if len(values) == 1 else tuple(values)

    def finish(self, *current: Any) -> Any:
        """After this thread's last iteration: its values, checked."""
        self._check(current)
        self.previous = -1
        return current[0] if len(current) == 1 else current


def linear(thread: ThreadContext, values: dict[str, tuple[Any, Any]]) -> Linear:
    return Linear(thread, values)
