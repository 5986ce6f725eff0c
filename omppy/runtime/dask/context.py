"""``_omp_t`` in a task: a thread of a team whose other threads run elsewhere.

A :class:`TaskContext` hands out the task's own iterations and refuses, when the
body (or a function it calls) reaches one, every construct that needs the team:
``scan.py`` refuses those written in the region itself before it runs; these
refusals catch the orphaned ones, in called functions.  The master applies nothing
of a region that failed, so a refusal here leaves the program's objects as they were.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any, NoReturn

from ..errors import OmpError
from ..reduction import identity
from ..schedule import is_sequence, iteration_space, resolve
from ..thread import ThreadContext
from ..where import location
from . import plan
from .scan import refusal


class TaskTeam:
    """What the ``omp_*`` routines read of a team: its size and level."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.level = 1
        self.active_level = 1 if size > 1 else 0
        self.parent = ThreadContext.initial()
        self.tasking = False
        self.liveness = None


class TaskContext(ThreadContext):
    """Thread ``num`` of a team of ``size``, running ``spans`` (None: its share of
    the region's ``for``, worked out when the loop starts)."""

    def __init__(self, size: int, num: int, spans: list[plan.Span] | None) -> None:
        super().__init__(TaskTeam(size), num)  # type: ignore[arg-type]
        self.spans = spans
        self.loops_started = 0
        # The region's ``for`` construct's results: its reductions' partial values
        # and, from the thread that ran the last iteration, its lastprivate values.
        self.workshare_results: dict[str, Any] | None = None

    def loop(
        self,
        items: Any,
        kind: str | None = None,
        chunk: int | None = None,
        ordered: bool = False,
        track: bool = False,
        cancellable: bool = False,
        doacross: Sequence[Any] | None = None,
    ) -> Iterable[Any]:
        if ordered:
            self._refuse("ordered")
        if doacross is not None:
            self._refuse("ordered depend (doacross)")
        if cancellable:
            self._refuse("cancel")
        self.loops_started += 1
        if self.loops_started > 1:
            self._refuse("for (a second work-sharing loop in one region)")
        if not is_sequence(items):
            items = iteration_space(items)
        n = len(items)
        kind, chunk = resolve(kind, chunk)
        spans = self.spans
        if spans is None:
            spans = plan.thread_spans(n, kind, chunk, self.size, self.num)
        self.did_last = n > 0 and any(stop >= n for _, stop in spans)
        return _iterate(items, spans)

    def workshare(
        self,
        reduction: dict[str, tuple[str, Any]] | None = None,
        lastprivate: tuple[str, ...] = (),
        nowait: bool = False,
        shared: tuple[str, ...] = (),
        conditional: tuple[str, ...] = (),
    ) -> Any:
        if conditional:
            self._refuse("for lastprivate(conditional: ...)")  # not tried on a cluster
        return TaskWorkshare(self, reduction or {}, lastprivate)

    def end_of_loop(self) -> None:
        pass

    # Constructs that need the team: refused (see the module docstring).
    def critical(self, *args: Any, **kwargs: Any) -> Any:
        self._refuse("critical")

    def atomic(self, *args: Any, **kwargs: Any) -> Any:
        self._refuse("atomic")

    def master(self, *args: Any, **kwargs: Any) -> Any:
        self._refuse("master (or masked)")

    def single(self, *args: Any, **kwargs: Any) -> Any:
        self._refuse("single")

    def ordered(self, *args: Any, **kwargs: Any) -> Any:
        self._refuse("ordered")

    def barrier(self) -> None:
        self._refuse("barrier")

    def exchange(self, payload: Any, cancellation_point: bool = True) -> list[Any]:
        self._refuse("barrier")

    def cancel(self, kind: str, if_: Any = True) -> None:
        self._refuse("cancel")

    def cancellation_point(self, kind: str) -> None:
        self._refuse("cancellation point")

    def chunks(self, share: Iterable[Any]) -> Iterable[Iterable[Any]]:
        """The share as one chunk: each dask task is a chunk of its own, whose
        partial results the master combines in the iterations' order."""
        return (share,)

    def cut(self, name: str, value: Any) -> Any:
        return value

    def _refuse(self, construct: str) -> NoReturn:
        raise OmpError(refusal(construct, location(3)))


class TaskWorkshare:
    """A region's ``for`` in a task: no barrier at its end.  ``scan.py`` made sure
    that nothing but the translator's bookkeeping runs after it; the master combines
    the reductions and takes the lastprivate values (``region.py``)."""

    def __init__(
        self,
        thread: TaskContext,
        reduction: dict[str, tuple[str, Any]],
        lastprivate: tuple[str, ...],
    ) -> None:
        self.thread = thread
        self.reduction = reduction
        self.lastprivate = lastprivate

    def identity(self, name: str) -> Any:
        op, original = self.reduction[name]
        return identity(op, original)

    def iteration_space(self, *iterables: Any) -> Any:
        return iteration_space(*iterables)

    def loop(self, items: Any, kind: str | None = None, chunk: int | None = None,
             ordered: bool = False, cancellable: bool = False, doacross: Any = None,
             ) -> Iterable[Any]:
        return self.thread.loop(items, kind, chunk, ordered, cancellable=cancellable,
                                doacross=doacross)

    def chunks(self, share: Iterable[Any]) -> Iterable[Iterable[Any]]:
        """The share as one chunk: each dask task is a chunk of its own, whose
        partial results the master combines in the iterations' order."""
        return (share,)

    def cut(self, name: str, value: Any) -> Any:
        return value

    def end(self, names: dict[str, Any]) -> dict[str, Any]:
        thread = self.thread
        partials = {name: (op, names[name]) for name, (op, _) in self.reduction.items()}
        last = None
        if thread.did_last:
            last = {name: names[name] for name in self.lastprivate if name in names}
        thread.workshare_results = {"reduction": partials, "last": last}
        result = {name: value for name, (_, value) in partials.items()}
        result.update(last or {})
        return result


def _iterate(items: Sequence[Any], spans: list[plan.Span]) -> Iterator[Any]:
    for start, stop in spans:
        yield from items[start:stop]
