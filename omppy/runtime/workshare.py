"""One ``for`` (or ``sections``) construct inside a region, or orphaned: its
iteration space, its reductions and ``lastprivate`` values, and its end."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from . import schedule
from .coherence import PUBLISHED_DEPTH
from .errors import AbortedBetween, OmpError, TeamAborted
from .reduction import Pieces, combine, identity, order_free
from .sharedmem import is_array, is_shared
from .where import location

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

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
    results are combined at the construct's barrier and every thread gets the
    combined values (and the ``lastprivate`` values) back.

    A loop (or ``sections``) with reductions iterates its share chunk by chunk,
    ``for _omp_chunk in ws.chunks(ws.loop(...))``, each chunk starting with
    ``x = ws.cut('x', x)``.  When every reduction may combine in any order (ints,
    floats under ``+``, numeric arrays: ``reduction.order_free``), or the team is
    one thread, the share is one chunk and ``cut`` hands the value back: one partial
    per thread, combined in thread order.  Otherwise (lists, strings, dicts, user
    operators...) each chunk the thread runs gets a fresh identity, and its partial
    result is kept keyed by the chunk's first iteration (``Pieces``): the combine
    folds every thread's pieces in the iterations' order, python's answer under any
    schedule.
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
        self.ending = False  # (end: a worker whose region returns next)
        self.construct = thread.workshares  # agreed team-wide: names its results
        # The order-dependent reductions (see the class docstring); their pieces so
        # far, and the first iteration of the chunk each name's value belongs to.
        self.ordered = (
            [
                name
                for name, (op, original) in reduction.items()
                if not name.startswith(CONDITIONAL) and not order_free(op, original)
            ]
            if reduction and thread.size > 1
            else []
        )
        self.pieces: dict[str, Pieces] = {}
        self.keys: dict[str, int | None] = {}
        self.scattered = ""  # the loop's place, when its schedule deals chunks out of order

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
        thread = self.thread
        if self.ordered:
            # Set by the loop as each chunk starts, before its first iteration.
            thread.chunk_start = None
            if schedule.resolve(kind, chunk) != ("static", None):
                self.scattered = location()
        return thread.loop(items, kind, chunk, ordered, cancellable=cancellable, doacross=doacross)

    def chunks(self, share: Iterable[Any]) -> Iterable[Iterable[Any]]:
        """This thread's share of the loop (what :meth:`loop` gave) as the chunks
        whose partial results :meth:`cut` keeps apart: one when no reduction
        depends on the order."""
        if not self.ordered:
            return (share,)
        self.pieces = {name: Pieces() for name in self.ordered}
        self.keys = dict.fromkeys(self.ordered)
        return _Chunks(self, iter(share))

    def cut(self, name: str, value: Any) -> Any:
        """A chunk starts: the reduction variable's value for it (its identity), the
        value of the chunk before kept as that chunk's piece."""
        keys = self.keys
        if name not in keys:
            return value
        key = keys[name]
        if key is not None:
            self.pieces[name].append((key, value))
        keys[name] = self.thread.chunk_start
        op, original = self.reduction[name]
        return identity(op, original)

    def partial(self, name: str, value: Any) -> Any:
        """What the thread hands to the combine for ``name``."""
        if name in self.keys:
            pieces = self.pieces[name]
            key = self.keys[name]
            if key is not None:
                pieces.append((key, value))
            return pieces
        if self.scattered and name in self.ordered:
            op = self.reduction[name][0]
            raise OmpError(
                f"{self.scattered}: reduction({op}: {name}) of a "
                f"{type(self.reduction[name][1]).__name__} depends on the order its "
                "partial results are combined in, and this loop's schedule hands chunks "
                "out of order (a 'reduction(task, ...)' keeps one partial per thread); "
                "use schedule(static) without a chunk, or a reduction of a type whose "
                "combine does not depend on order"
            )
        return value

    def end(self, names: dict[str, Any]) -> dict[str, Any]:
        """Combine reductions, pick lastprivate values, and wait (unless nowait)."""
        thread = self.thread
        before = thread.chunk_start
        thread.end_of_loop()
        # A worker whose region returns next, with nothing to combine or take: its
        # end barrier need bring it nothing (ThreadContext.region_ends_after).
        self.ending = not (
            self.reduction or self.lastprivate or self.conditional or self.shared
        ) and thread.region_ends_after()
        try:
            return self.finish(names)
        except TeamAborted:
            # A teammate failed: stopped at the loop's own barrier, this thread ran
            # nothing after its iterations (failedstate.py).
            thread.chunk_start = before
            raise AbortedBetween("another thread of the team failed") from None

    def finish(self, names: dict[str, Any]) -> dict[str, Any]:
        """:meth:`end` once the thread's iterations are over."""
        thread = self.thread
        partials = {name: self.partial(name, names[name]) for name in self.reduction}
        last = (
            {name: names[name] for name in self.lastprivate if name in names}
            if thread.did_last
            else None
        )
        needs_exchange = bool(self.reduction or self.lastprivate)
        if thread.size == 1:
            contributions = [(partials, last)]
        elif needs_exchange or not self.nowait or self.shared:
            thread.ending = self.ending
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


_END = object()


class _Chunks:
    """A thread's share split where its chunks start (``thread.chunk_start``, which
    every loop sets before a chunk's first iteration): iterating gives one iterator
    per chunk, after reading one iteration ahead."""

    def __init__(self, workshare: Workshare, share: Iterator[Any]) -> None:
        self.thread = workshare.thread
        self.share = share
        self.next: Any = next(share, _END)

    def __iter__(self) -> Iterator[Iterator[Any]]:
        while self.next is not _END:
            if self.thread.chunk_start is None:
                raise OmpError(
                    "omppy: internal error: a loop gave no chunk starts to an "
                    "order-dependent reduction"
                )
            yield self._chunk(self.thread.chunk_start)

    def _chunk(self, key: int) -> Iterator[Any]:
        thread, share = self.thread, self.share
        item, self.next = self.next, _END
        yield item
        for item in share:
            if thread.chunk_start != key:
                self.next = item
                return
            yield item
