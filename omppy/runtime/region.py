"""What a parallel region is asked to do, and how its results reach the master.

A :class:`Region` is the translated code's request (``omppy.runtime.parallel``): the
outlined body and its data clauses; a :class:`TeamRequest`, the clauses that choose
its team.  It knows each thread's arguments (shared values,
firstprivate copies, reduction identities) and how the threads' results become the
values of the master's names after the region (combined reductions, the last
iteration's ``lastprivate`` values, the latest values of shared names).
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from .errors import OmpError
from .reduction import combine, identity, order_free
from .sharedmem import is_array, is_shared
from .unbound import UNBOUND


class TeamRequest:
    """The clauses of a ``parallel`` that choose its team rather than its data (a plain
    class, as :class:`Region`: no ``dataclasses`` at start-up)."""

    __slots__ = ("copyin", "if_", "namespace", "num_threads", "proc_bind")

    def __init__(
        self,
        num_threads: Any = None,
        if_: Any = True,
        copyin: tuple[str, ...] = (),
        proc_bind: str | None = None,
        namespace: dict[str, Any] | None = None,
    ) -> None:
        self.num_threads = num_threads  # the clause's value; None: the ICVs decide
        self.if_ = if_
        self.copyin = copyin  # threadprivate globals each thread takes from the master
        self.proc_bind = proc_bind  # the clause's policy for placing the threads
        # The globals of the code that started the region, whose threadprivate names
        # ``copyin`` lists (None without copyin).
        self.namespace = namespace


class Region:
    """An outlined region body and its data-sharing clauses.

    Not changed once made (:meth:`replace` makes another).  A plain class, not a
    dataclass: importing ``dataclasses`` (which imports ``inspect``) was about a
    sixth of a cached run's start (issue 21)."""

    def __init__(
        self,
        body: Callable[..., dict[str, Any] | None],
        args: dict[str, Any],
        firstprivate: dict[str, Any],
        reduction: dict[str, tuple[str, Any]],
        lastprivate: tuple[str, ...],
        shared: tuple[str, ...],
        readonly: tuple[str, ...],
        watch: dict[str, int] | None = None,
        module_watch: tuple[dict[str, Any], dict[str, int]] | None = None,
        slots: dict[str, Any] | None = None,
        module_names: tuple[dict[str, Any], frozenset[str]] | None = None,
        nested: bool = False,
    ) -> None:
        self.body = body
        self.args = args  # shared names the body reads, by name
        self.firstprivate = firstprivate
        self.reduction = reduction  # name -> (operator, the master's value)
        self.lastprivate = lastprivate
        self.shared = shared  # shared names the body binds
        self.readonly = readonly  # args the body only reads: arrays need no staging
        # Levels of containers the body may write through each shared name (watch.py);
        # names not listed get a default.
        self.watch: dict[str, int] = {} if watch is None else watch
        # The body's module namespace, and the globals of it that the code the region
        # can reach may change (watch.py); None: its ``_omp_effects``, all its
        # functions may.
        self.module_watch = module_watch
        # Large array reductions: for each name, one slot per worker in shared memory,
        # which the worker's private copy *is* (forkjoin.py, reduction_slots): its
        # partial result reaches the master with no pickling.
        self.slots: dict[str, Any] = {} if slots is None else slots
        # The body's module namespace and its shared names that are globals of it,
        # kept bound there by the body's code (globalnames.py): they travel by name,
        # so the namespace leaves them out of what it compares.  None: no such names.
        self.module_names = module_names
        # Written inside another region (its names are that region's names): a team
        # of one for it runs its critical and atomic blocks as the enclosing thread's.
        self.nested = nested

    def replace(self, **changes: Any) -> Region:
        """This region with ``changes`` (field name -> value), as a new one."""
        new = object.__new__(Region)
        new.__dict__.update(self.__dict__)
        for name, value in changes.items():
            if name not in new.__dict__:
                raise TypeError(f"Region has no field {name!r}")
            new.__dict__[name] = value
        return new

    def __repr__(self) -> str:
        fields = ", ".join(f"{k}={v!r}" for k, v in self.__dict__.items())
        return f"Region({fields})"

    def arguments(
        self, call: dict[str, Any], in_master: bool, shared: Callable[[Any], bool] | None = None
    ) -> dict[str, Any]:
        """One thread's arguments: ``call`` (the shared values) plus its private ones.

        A worker's firstprivate values are already its own (``fork`` copied them),
        except an array in shared memory, which ``fork`` does not copy, and an object
        the team shares (``shared``: the same object is reachable through a shared
        name, so changing it in place would be carried); thread 0 runs in the master
        and gets copies.
        """
        arguments = dict(call)
        for name, value in self.firstprivate.items():
            own = (
                not in_master
                and not (is_array(value) and is_shared(value))
                and not (shared is not None and shared(value))
            )
            arguments[name] = value if own else private_copy(value)
        for name, (op, value) in self.reduction.items():
            # A worker's slotted reduction starts from its slot (worker_arguments):
            # no private array of the identity, made and thrown away.
            if in_master or name not in self.slots:
                arguments[name] = identity(op, value)
        return arguments

    def worker_arguments(self, arguments: dict[str, Any], num: int) -> dict[str, Any]:
        """Worker ``num``'s arguments: its reduction slots stand for the identities."""
        for name, slots in self.slots.items():
            arguments[name] = slots[num - 1]
        return arguments

    def worker_partials(self, values: dict[str, Any], num: int) -> dict[str, Any]:
        """A worker's reduction results for its report: a slotted one is left in its
        slot (copied there if the body rebound the name), and reported as None."""
        partials = self.partials(values)
        for name, slots in self.slots.items():
            slot = slots[num - 1]
            if partials[name] is not slot:
                slot[...] = partials[name]
            partials[name] = None
        return partials

    def gathered(self, partials: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Every thread's partials in thread order, slots read for the ``None`` ones."""
        if not self.slots:
            return partials
        out = [partials[0]]
        for num, part in enumerate(partials[1:], start=1):
            part = dict(part)
            for name, slots in self.slots.items():
                if part.get(name) is None:
                    part[name] = slots[num - 1]
            out.append(part)
        return out

    def partials(self, values: dict[str, Any]) -> dict[str, Any]:
        """A thread's reduction results, from its body's ``locals()``: an
        order-dependent one of a combined ``parallel for`` as the pieces its chunks
        gave (``ThreadContext.chunks``)."""
        thread = values.get("_omp_t")
        cutter = getattr(thread, "cutter", None)
        if cutter is not None:
            values["_omp_t"].cutter = None  # taken once: it and its thread refer to each other
            return {name: cutter.partial(name, values[name]) for name in self.reduction}
        partials = {name: values[name] for name in self.reduction}
        scattered = getattr(thread, "scattered", "")
        if scattered:
            partials[SCATTERED] = scattered
        return partials

    def last_values(self, values: dict[str, Any], did_last: bool) -> dict[str, Any] | None:
        """The ``lastprivate`` values, from the thread that ran the last iteration."""
        if not did_last:
            return None
        return {name: values[name] for name in self.lastprivate if name in values}

    def outputs(
        self,
        values: dict[str, Any],
        partials: list[dict[str, Any]],
        last: dict[str, Any] | None,
        latest: dict[str, Any] | None = None,
    ) -> dict[str, Any]:
        """The values the master's names take after the region.

        ``values`` is thread 0's ``locals()``; ``latest`` the newest value each
        shared name was bound to in a synchronisation block, by any thread.
        """
        latest = latest or {}
        result = {}
        out_of_order(self.reduction, partials)
        for name, (op, original) in self.reduction.items():
            result[name] = combine(op, original, [p[name] for p in partials])
        if last:
            result.update(last)
        for name in self.shared:
            if name in latest:
                result[name] = latest[name]
            elif name in values and values[name] is not UNBOUND:
                result[name] = values[name]
        return result


# A thread's partials: where a loop of the region handed it chunks out of order.
SCATTERED = "_omp_scattered"


def out_of_order(reduction: dict[str, tuple[str, Any]], partials: list[dict[str, Any]]) -> None:
    """Refuse a region's order-dependent reduction (a list under ``+``) that two
    threads added to when a loop of the region dealt them chunks out of order: one
    partial per thread, combined in thread order, would not be python's order, and
    the region's clause cannot split them by chunk (a loop's own clause does)."""
    where = next((p[SCATTERED] for p in partials if SCATTERED in p), "")
    if not where:
        return
    for name, (op, original) in reduction.items():
        if name.startswith("_omp_") or order_free(op, original):
            continue
        start = identity(op, original)
        added = [p for p in partials if not _same(p.get(name, start), start)]
        if len(added) > 1:
            raise OmpError(
                f"{where}: reduction({op}: {name}) of a {type(original).__name__} keeps "
                "one partial result per thread here (the clause of a 'parallel' region, "
                "or a loop with 'linear'), combined in thread order, and this loop's "
                f"schedule hands chunks out of order: {name} would not come out in "
                "python's order; use schedule(static) without a chunk, or a '# omp for "
                "reduction(...)' of the loop alone"
            )


def _same(value: Any, start: Any) -> bool:
    """Is a thread's partial still its identity (it added nothing)?"""
    if value is start:
        return True
    try:
        return type(value) is type(start) and bool(value == start)
    except Exception:
        return False


def private_copy(value: Any) -> Any:
    """Thread 0's firstprivate copy: the master's object must not change through it.

    A deep copy, like the copy every forked worker has; objects that cannot be deep
    copied (a lock, a file) are shared with the master, as they would be by ``copy``.
    """
    if is_array(value):
        return value.copy()
    try:
        return copy.deepcopy(value)
    except Exception:
        try:
            return copy.copy(value)
        except Exception:
            return value
