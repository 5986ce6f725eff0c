"""The end of a ``for`` or ``sections`` construct on the threads backend.

As ``runtime/workshare.py``, except that the threads share the reduction variables'
original objects: the partial results are combined once, by the last thread to reach
the construct's barrier, and every thread gets those same combined objects.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .. import schedule
from ..reduction import combine
from ..workshare import Workshare, assigned_last

if TYPE_CHECKING:
    from .context import ThreadedContext


class ThreadedWorkshare(Workshare):
    thread: ThreadedContext

    def iteration_space(self, *iterables: Any) -> Any:
        """The loop's iteration space, the same in every thread; an iterator is drawn
        by thread 0 alone and handed to the team (see :class:`Workshare`)."""
        thread = self.thread
        if thread.size == 1 or all(schedule.is_sequence(it) for it in iterables):
            return schedule.iteration_space(*iterables)
        space = schedule.iteration_space(*iterables) if thread.num == 0 else None
        return thread.exchange(space)[0]

    def finish(self, names: dict[str, Any]) -> dict[str, Any]:
        """Combine reductions, pick lastprivate values, and wait (unless nowait)."""
        thread = self.thread
        needs_exchange = bool(self.reduction or self.lastprivate)
        if thread.size == 1 or needs_exchange:
            partials = {name: self.partial(name, names[name]) for name in self.reduction}
            last = (
                {name: names[name] for name in self.lastprivate if name in names}
                if thread.did_last
                else None
            )
            result = dict(thread.exchange_folded((partials, last), self._fold))
        elif self.nowait:
            return {}  # no barrier: nothing to refresh either
        else:
            thread.barrier()
            result = {}
        if self.shared and not self.nowait:
            result.update(thread.refresh(self.shared))
        return result

    def _fold(self, contributions: list[Any]) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for name, (op, original) in self.reduction.items():
            result[name] = combine(op, original, [c[0][name] for c in contributions])
        for _, last in contributions:
            if last:
                result.update(last)
        assigned_last(result, self.conditional)
        # A reduction's or lastprivate's result for a shared name is now its newest
        # value (after an earlier publication, a single's store: the region ends with
        # it).  Folded once, with every thread at the barrier.
        self.thread.team.publish({n: v for n, v in result.items() if n in self.shared})
        return result
