"""One ``for`` (or ``sections``) construct inside a region, or orphaned: its
iteration space, its reductions and ``lastprivate`` values, and its end."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from . import schedule
from .coherence import PUBLISHED_DEPTH
from .reduction import combine, identity
from .sharedmem import is_array, is_shared

if TYPE_CHECKING:
    from collections.abc import Iterable

    from .thread import ThreadContext


CONDITIONAL = "_omp_lc_"  # + x: (iteration, value) of lastprivate(conditional: x)


def assigned_last(result: dict[str, Any], conditional: tuple[str, ...]) -> None:
    """Each ``lastprivate(conditional: x)``: x takes the value that the sequentially
    last iteration assigning it gave it (its ``max`` reduction's record); untouched
    when no iteration assigned it."""
    for name in conditional:
        record = result.get(CONDITIONAL + name)
        if record is not None:
            result[name] = record[1]


class Workshare:
    """The generated code asks it for each reduction variable's starting value,
    iterates :meth:`loop`, and calls :meth:`end` with its ``locals()``: the partial
    results are combined in thread order at the construct's barrier and every
    thread gets the combined values (and the ``lastprivate`` values) back.
    """

    def __init__(
        self,
        thread: ThreadContext,
        reduction: dict[str, tuple[str, Any]],
        lastprivate: tuple[str, ...],
        nowait: bool,
        shared: tuple[str, ...] = (),
        conditional: tuple[str, ...] = (),
    ) -> None:
        self.thread = thread
        self.reduction = reduction
        self.lastprivate = lastprivate
        # lastprivate(conditional: x): x's value comes with the reduction that picks
        # the last iteration to assign it (emit_conditional.py).
        self.conditional = conditional
        self.nowait = nowait
        self.shared = shared
        self.construct = thread.workshares  # agreed team-wide: names its results

    def identity(self, name: str) -> Any:
        op, original = self.reduction[name]
        return identity(op, original)

    def iteration_space(self, *iterables: Any) -> Any:
        """The loop's iteration space, the same in every thread.

        A range or a sequence each thread made for itself is used as it is.  An
        iterator (a generator, a file, ``zip``...) is drawn by thread 0 alone and
        handed to the team: drawn by every thread, it would run its side effects once
        per thread, and a file shared by the processes would be split among them.
        """
        thread = self.thread
        if thread.size == 1 or all(schedule.is_sequence(it) for it in iterables):
            return schedule.iteration_space(*iterables)
        coherence = thread.coherence
        assert coherence is not None
        # Items the team shares travel as themselves (by token), not as copies.
        space = None
        if thread.num == 0:
            space = coherence.replica.dumps(schedule.iteration_space(*iterables))
        return coherence.replica.loads(thread.exchange(space)[0])

    def loop(
        self,
        items: Any,
        kind: str | None = None,
        chunk: int | None = None,
        ordered: bool = False,
        cancellable: bool = False,
        doacross: Any = None,
    ) -> Iterable[Any]:
        return self.thread.loop(
            items, kind, chunk, ordered, cancellable=cancellable, doacross=doacross
        )

    def end(self, names: dict[str, Any]) -> dict[str, Any]:
        """Combine reductions, pick lastprivate values, and wait (unless nowait)."""
        thread = self.thread
        thread.end_of_loop()
        partials = {name: names[name] for name in self.reduction}
        last = (
            {name: names[name] for name in self.lastprivate if name in names}
            if thread.did_last
            else None
        )
        needs_exchange = bool(self.reduction or self.lastprivate)
        if thread.size == 1:
            contributions = [(partials, last)]
        elif needs_exchange or not self.nowait or self.shared:
            contributions = thread.exchange((partials, last) if needs_exchange else None)
        else:
            return {}
        result: dict[str, Any] = {}
        in_shared_memory = []
        for name, (op, original) in self.reduction.items():
            folded = [c[0][name] for c in contributions if c]
            if thread.size > 1 and is_array(original) and is_shared(original):
                # Every thread would fold into the one shared array: fold a copy, and
                # let thread 0 alone write the total (see below).
                in_shared_memory.append((original, combine(op, original.copy(), folded)))
                result[name] = original
            else:
                result[name] = combine(op, original, folded)
        if in_shared_memory and thread.num == 0:
            for original, total in in_shared_memory:
                original[...] = total
        for contribution in contributions:
            if contribution and contribution[1]:
                result.update(contribution[1])
        assigned_last(result, self.conditional)
        if thread.coherence is not None:
            # Each thread combined the same values itself: that change is agreed
            # already (not to be carried), and the results are the same objects for
            # the team from now on (stores into them are carried).
            replica = thread.coherence.replica
            for name in self.reduction:
                token = replica.token_of(result[name])
                if token is not None and token in replica.shadows:
                    replica.shadows[token].retake(result[name])
                replica.adopt(
                    result[name], ("reduction", self.construct, name), PUBLISHED_DEPTH, name
                )
            for name in self.shared:
                if name in result and thread.size > 1:
                    thread.coherence.agreed(name, result[name])
        if in_shared_memory:
            # Thread 0 wrote the totals into shared memory; the others wait for them.
            # (After the retakes above: every thread's in-place combination of the
            # other reductions, a Counter or a list, is agreed, not a change.)
            thread.barrier()
        if self.shared and not self.nowait:
            result.update(thread.refresh(self.shared))
        return result
