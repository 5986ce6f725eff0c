"""A thread's view of its team: what the translated code calls ``_omp_t``.

A :class:`ThreadContext` knows its thread number and team, hands out loop
iterations, runs barriers, and records stores on shared Python objects so they can
be replayed where the threads' memories differ (other processes).  The initial
thread of a program has a context too (a team of one), so orphaned constructs and
the ``omp_*`` routines work without a region.
"""

from __future__ import annotations

import operator
import pickle
import sys
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from . import schedule
from .errors import OmpError, TeamAborted
from .mutation import (
    IMMUTABLE,
    Mutated,
    Shipped,
    Unsent,
    merge,
    shared_objects,
    worth_recording,
)
from .reduction import combine, identity

if TYPE_CHECKING:
    from .team import Team

# Field offsets inside a work-share record of the arena.
WS_ID, WS_NEXT, WS_DONE, WS_ORDERED = 0, 1, 2, 3


class Attr:
    """A path step or store key meaning "attribute ``name``" (``obj.name``)."""

    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return f"Attr({self.name!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (Attr, (self.name,))


def fetch(target: Any, key: Any) -> Any:
    """``target[key]``, or attribute ``key.name`` for an :class:`Attr` key."""
    return getattr(target, key.name) if type(key) is Attr else target[key]


def walk(root: Any, path: tuple[Any, ...]) -> Any:
    """Follow ``path`` (item keys and :class:`Attr` steps) from ``root``."""
    target = root
    for step in path:
        target = fetch(target, step)
    return target


class _Deleted:
    """Marks a ``del`` in a store log."""

    def __reduce__(self) -> str:
        return "DELETED"


DELETED = _Deleted()


def assign(target: Any, key: Any, value: Any) -> None:
    if value is DELETED:
        try:
            if isinstance(key, Attr):
                delattr(target, key.name)
            else:
                del target[key]
        except (KeyError, AttributeError):
            pass  # already gone: a record applied twice (see team._finish)
    elif isinstance(key, Attr):
        setattr(target, key.name, value)
    else:
        target[key] = value


def _logging_ancestor(team: Team | None) -> ThreadContext | None:
    """The nearest enclosing thread whose team logs stores (has more than one thread)."""
    parent = team.parent if team is not None else None
    while parent is not None and parent.log is None:
        parent = parent.team.parent if parent.team is not None else None
    return parent


def replay(roots: dict[int, Any], log: list[tuple[Any, ...]]) -> None:
    """Apply another thread's stores on shared objects to this process's objects."""
    objects: dict[int, Any] | None = None  # what travels by reference, found once
    for root_id, path, key, value in log:
        if isinstance(root_id, tuple):  # (module, global name): see ThreadContext.store
            module, name = root_id
            root = sys.modules[module].__dict__[name]
        else:
            root = roots.get(root_id)
        if root is None:
            raise OmpError("a store on a shared object could not be matched to its object")
        kind = type(value)
        if kind is Shipped:
            if objects is None:
                objects = shared_objects(roots)
            merge(walk(root, path), key, value.load(objects))
        elif kind is Mutated:
            merge(walk(root, path), key, value.value)
        elif kind is Unsent:
            value.fail()
        else:
            assign(walk(root, path), key, value)


def check_phase(phases: list[tuple[set[int], set[int], dict[str, set[str]]]]) -> None:
    """Refuse a shared object both published whole and item-stored between two barriers.

    A synchronisation block hands the team its whole object as that thread saw it;
    stores other threads made since the last barrier are not in that copy, and no
    order of applying the two keeps both.  Every thread sees the same sets, so every
    thread raises.
    """
    locks: dict[str, set[str]] = {}
    for _, _, theirs in phases:
        for name, kinds in theirs.items():
            locks.setdefault(name, set()).update(kinds)
    for name, kinds in sorted(locks.items()):
        if len(kinds) > 1:
            first, second = sorted(kinds)[:2]
            raise OmpError(
                f"'{name}' was changed under two different locks ('# omp {first}' and "
                f"'# omp {second}') between the same two barriers; each block hands the "
                "whole object to the team, so updates made under different locks overwrite "
                f"each other. Update '{name}' under one lock: the same '# omp critical' "
                "everywhere"
            )
    stored = set().union(*(s for s, _, _ in phases))
    published = set().union(*(p for _, p, _ in phases))
    if stored & published:
        raise OmpError(
            "a shared object was changed both inside a synchronisation block (critical, "
            "atomic, single, master or ordered), which hands the whole object to the other "
            "threads, and by stores outside such blocks, between the same two barriers; "
            "omppy cannot combine the two without losing updates. Put a barrier between "
            "them, make every change to the object inside the blocks, or keep the part "
            "changed inside them (a counter, say) in a variable of its own or a reduction"
        )


class ThreadContext:
    """Thread ``num`` of ``team``; ``team`` is None for the initial thread."""

    def __init__(self, team: Team | None, num: int) -> None:
        self.team = team
        self.num = num
        self.size = team.size if team else 1
        self.workshares = 0  # work-sharing constructs met so far (agreed team-wide)
        self.barriers = 0
        self.did_last = False  # ran the sequentially last iteration of the last loop
        self.log: list[tuple[Any, ...]] | None = [] if self.size > 1 else None
        self.current_iteration = 0
        self.store_seen: dict[str, int] = {}  # name -> store version this thread has
        self.store_cache: tuple[int, dict[str, tuple[int, bytes]]] = (0, {})  # last read
        self.ordered_base = -1  # arena record of the ordered loop being run
        self.ordered_pending = False  # current iteration has not passed its turn yet
        self.item_index = 0  # position of the item a tracked loop is running
        # Shared objects this thread logged a store on since the last barrier.
        self.stored_ids: set[int] = set()
        # Objects this thread published whole from a synchronisation block, since the
        # last barrier.  One that any thread also stored into in that time cannot be
        # merged (the published copy lacks those stores): see check_phase.
        self.published_ids: set[int] = set()
        # The locks under which this thread published each mutable name since the last
        # barrier: one name under two locks cannot be merged either (check_phase).
        self.publish_locks: dict[str, set[str]] = {}
        self.mutated: set[tuple[Any, ...]] = set()  # items in the log since it was sent
        # Thread 0 of a nested team (or a team of one) runs in the process of a thread
        # of the enclosing team: what it stores on shared objects must reach that
        # team's log too, or only the enclosing master's share would survive.
        self.outer = _logging_ancestor(team) if num == 0 else None
        # The synchronisation blocks this thread is running, innermost last.  Not every
        # thread runs them (single, master) or they run one thread at a time (critical,
        # ordered), so a barrier or work share reached inside one, through a called
        # function, would deadlock the team: it is refused instead.
        self.inside: list[str] = []

    @classmethod
    def initial(cls) -> ThreadContext:
        return cls(None, 0)

    # -- loops ------------------------------------------------------------------------

    def loop(
        self,
        items: Any,
        kind: str | None = None,
        chunk: int | None = None,
        ordered: bool = False,
        track: bool = False,
    ) -> Iterable[Any]:
        """This thread's iterations of a work-sharing loop over ``items``.

        With ``track``, :attr:`item_index` follows the position in ``items`` of the
        item being run (for :meth:`call_item`).
        """
        if not schedule.is_sequence(items):
            items = schedule.iteration_space(items)
        n = len(items)
        if track and self.size > 1:
            return self._tracked(items, self.loop(range(n), kind, chunk, ordered))
        kind, chunk = schedule.resolve(kind, chunk)
        size, num = self.size, self.num
        if size > 1:
            self.refuse_inside_block("a work-sharing loop ('# omp for')")
        if ordered and size > 1:
            return self._ordered_loop(items, n, kind, chunk)
        if size == 1:
            self.did_last = n > 0
            return items
        if self.team is not None and self.team.arena.words[0]:
            raise TeamAborted("another thread of the team failed")
        if kind == "static":
            if chunk is None:
                start, stop = schedule.static_block(n, size, num)
                self.did_last = stop == n and stop > start
                return items[start:stop]
            self.did_last = n > 0 and ((n - 1) // chunk) % size == num
            return schedule.static_chunks(items, n, chunk, size, num)
        self.did_last = False
        return self._shared_counter_loop(items, n, kind, chunk or 1)

    def _tracked(self, items: Sequence[Any], indices: Iterable[int]) -> Iterator[Any]:
        for index in indices:
            self.item_index = index
            yield items[index]

    def _shared_counter_loop(
        self, items: Sequence[Any], n: int, kind: str, chunk: int
    ) -> Iterator[Any]:
        assert self.team is not None
        base = self.team.enter_workshare(self)
        grab = self.team.grab
        guided = kind == "guided"
        try:
            while True:
                start, stop = grab(base, n, chunk, guided)
                if start >= n:
                    return
                if stop >= n:
                    stop = n
                    self.did_last = True
                yield from items[start:stop]
        finally:
            self.team.leave_workshare(base)

    def _ordered_loop(
        self, items: Sequence[Any], n: int, kind: str, chunk: int | None
    ) -> Iterator[Any]:
        """A loop whose ``ordered`` blocks must run in iteration order.

        Iterations are numbered as handed out; an iteration that skipped its
        ordered block still waits for, and passes on, its turn when it ends.
        """
        assert self.team is not None
        team = self.team
        base = team.enter_workshare(self)
        self.ordered_base = base
        words = team.arena.words
        size, num = self.size, self.num
        if kind == "static":
            if chunk is None:
                start, stop = schedule.static_block(n, size, num)
                spans = [(start, stop)] if stop > start else []
            else:
                spans = [(s, min(s + chunk, n)) for s in range(num * chunk, n, size * chunk)]
            self.did_last = bool(spans) and spans[-1][1] == n
            chunks = iter(spans)
        else:
            chunks = self._grabbed(base, n, kind, chunk or 1)
        try:
            for start, stop in chunks:
                for index in range(start, stop):
                    self.current_iteration = index
                    self.ordered_pending = True
                    yield items[index]
                    if self.ordered_pending:  # no ordered block ran: pass the turn on
                        self.wait_turn()
                        words[base + WS_ORDERED] = index + 1
                        self.ordered_pending = False
        finally:
            self.ordered_base = -1
            team.leave_workshare(base)

    def _grabbed(self, base: int, n: int, kind: str, chunk: int) -> Iterator[tuple[int, int]]:
        assert self.team is not None
        while True:
            start, stop = self.team.grab(base, n, chunk, kind == "guided")
            if start >= n:
                return
            if stop >= n:
                stop = n
                self.did_last = True
            yield start, stop

    def wait_turn(self) -> None:
        """Wait until every earlier iteration of the ordered loop has had its turn."""
        assert self.team is not None and self.team.liveness is not None
        words = self.team.arena.words
        slot = self.ordered_base + WS_ORDERED
        index = self.current_iteration
        if words[slot] != index:
            self.team.liveness.sleep_until(lambda: words[slot] == index)

    # -- synchronisation constructs ---------------------------------------------------

    def wait(self, lock: Any) -> None:
        if self.team is None or self.team.liveness is None:
            lock.acquire()
        else:
            self.team.liveness.wait(lock)

    def refresh(self, names: tuple[str, ...]) -> dict[str, Any]:
        """The newest published values of ``names`` that this thread has not seen."""
        if self.size == 1 or not names or self.team is None:
            return {}
        arena = self.team.arena
        if arena.store_version() != self.store_cache[0]:
            self.store_cache = arena.snapshot()
        store = self.store_cache[1]
        seen = self.store_seen
        fresh = {}
        for name in names:
            entry = store.get(name)
            if entry is not None and entry[0] > seen.get(name, 0):
                seen[name] = entry[0]
                fresh[name] = pickle.loads(entry[1])
        return fresh

    def note_lock(self, kind: str, values: dict[str, Any]) -> None:
        for name, value in values.items():
            if not isinstance(value, IMMUTABLE):  # rebinding a number is last-writer-wins
                self.publish_locks.setdefault(name, set()).add(kind)

    def publish(self, values: dict[str, Any]) -> None:
        assert self.team is not None
        version = self.team.arena.publish(values)
        for name, value in values.items():
            self.store_seen[name] = version
            self.published_ids.add(id(value))

    def critical(self, name: str = "", names: tuple[str, ...] = ()) -> Any:
        from .sync import SyncBlock

        lock = self.team.arena.critical_lock(name) if self.size > 1 and self.team else None
        kind = f"critical({name})" if name else "critical"
        if lock is not None:
            self._refuse_reentry(kind)
        return SyncBlock(self, kind, names, True, lock)

    def atomic(self, names: tuple[str, ...] = ()) -> Any:
        from .sync import SyncBlock

        lock = self.team.arena.atomic_lock if self.size > 1 and self.team else None
        if lock is not None:
            self._refuse_reentry("atomic")
        return SyncBlock(self, "atomic", names, True, lock)

    def master(self, names: tuple[str, ...] = (), filter: int = 0) -> Any:
        from .sync import SyncBlock

        kind = "masked" if filter else "master"
        return SyncBlock(self, kind, names, self.num == filter)

    def single(self, names: tuple[str, ...] = ()) -> Any:
        from .sync import SyncBlock

        if self.size == 1 or self.team is None:
            return SyncBlock(self, "single", names, True)
        self.refuse_inside_block("'# omp single'")
        team = self.team
        base = team.enter_workshare(self)
        with team.arena.lock:
            words = team.arena.words
            first = words[base + WS_NEXT] == 0
            words[base + WS_NEXT] = 1
        team.leave_workshare(base)
        return SyncBlock(self, "single", names, first)

    def ordered(self, names: tuple[str, ...] = ()) -> Any:
        from .sync import SyncBlock

        if self.size == 1:
            return SyncBlock(self, "ordered", names, True)
        if self.ordered_base < 0:
            raise OmpError("'# omp ordered' ran outside a loop with the 'ordered' clause")
        if not self.ordered_pending:
            # Waiting for this iteration's turn again would wait for ever: it has passed.
            raise OmpError(
                "'# omp ordered' ran a second time in one iteration of the loop; "
                "OpenMP allows one ordered block per iteration: put the ordered work "
                "of an iteration in one block"
            )
        holding = [k for k in self.inside if k.startswith(("critical", "atomic", "ordered"))]
        if holding:
            raise OmpError(
                f"'# omp ordered' was reached inside '# omp {holding[-1]}' (through a "
                "called function): waiting for its turn there would deadlock the team or "
                "break the order; OpenMP forbids ordered inside critical, atomic and "
                "ordered blocks"
            )
        self.wait_turn()
        block = SyncBlock(self, "ordered", names, True)
        words = self.team.arena.words  # type: ignore[union-attr]
        slot, index = self.ordered_base + WS_ORDERED, self.current_iteration

        def pass_turn() -> None:
            words[slot] = index + 1
            self.ordered_pending = False

        block.after = pass_turn
        return block

    def barrier_refresh(self, names: tuple[str, ...] = ()) -> dict[str, Any]:
        """An explicit barrier; returns the newest values of the region's shared names."""
        self.barrier()
        return self.refresh(names)

    def workshare(
        self,
        reduction: dict[str, tuple[str, Any]] | None = None,
        lastprivate: tuple[str, ...] = (),
        nowait: bool = False,
        shared: tuple[str, ...] = (),
    ) -> Workshare:
        """Start a ``for`` construct with these clauses (see :class:`Workshare`).

        ``shared`` names the region's shared names bound in synchronisation
        constructs: the barrier at the end refreshes them.
        """
        if self.size > 1:
            self.refuse_inside_block("a work-sharing construct ('# omp for' or 'sections')")
        return Workshare(self, reduction or {}, lastprivate, nowait, shared)

    def _refuse_reentry(self, kind: str) -> None:
        """A thread waiting for a lock it holds would wait for ever: refuse it."""
        if kind in self.inside:
            raise OmpError(
                f"'# omp {kind}' was reached inside itself (through a called function): "
                "the thread would wait for ever for the lock it holds; OpenMP forbids "
                f"nesting {kind.split('(')[0]} blocks that share a lock"
            )

    def refuse_inside_block(self, what: str) -> None:
        """Raise rather than deadlock when ``what`` is reached inside a sync block."""
        if self.inside:
            raise OmpError(
                f"{what} was reached inside '# omp {self.inside[-1]}', where the whole "
                "team cannot meet it (the block runs on one thread, or on one thread at "
                "a time), so the team would deadlock; OpenMP forbids barriers and "
                "work-sharing constructs inside critical, atomic, single, master, "
                "masked and ordered blocks: move it out of the block"
            )

    # -- barriers and stores ----------------------------------------------------------

    def barrier(self) -> None:
        """Wait for the whole team; stores on shared objects are exchanged."""
        if self.size > 1:
            self.exchange(None)

    def exchange(self, payload: Any) -> list[Any]:
        """A barrier at which each thread hands every other thread ``payload``.

        Returns the payloads of all threads in thread order (this thread's
        included).  Pending stores on shared objects travel along and are applied.
        """
        if self.size == 1:
            return [payload]
        self.refuse_inside_block(
            "a barrier (an explicit '# omp barrier', or the one ending a 'for', "
            "'sections' or 'single')"
        )
        assert self.team is not None and self.log is not None
        log, self.log = self.log, []
        self.mutated.clear()
        phase = (self.stored_ids, self.published_ids, self.publish_locks)
        self.stored_ids, self.published_ids, self.publish_locks = set(), set(), {}
        parity = self.barriers & 1
        self.barriers += 1
        results = self.team.barrier_exchange(self, parity, (payload, log, phase))
        check_phase([their_phase for _, _, their_phase in results])
        payloads = []
        for num, (value, their_log, _) in enumerate(results):
            if their_log and num != self.num:
                replay(self.team.roots, their_log)
                self.relay(self.team.roots, their_log)
            payloads.append(value)
        return payloads

    def store(
        self,
        root: Any,
        path: tuple[Any, ...],
        key: Any,
        value: Any,
        module: str | None = None,
        name: str | None = None,
    ) -> None:
        """``root<path>[key] = value`` (or ``.key``), carried to the rest of the team.

        ``module`` and ``name`` say that ``root`` is a module global (a store in an
        orphaned loop): the master finds its own object by that name.
        """
        target = walk(root, path) if path else root
        if value is DELETED or type(key) is Attr:
            assign(target, key, value)
        else:
            target[key] = value  # the common case, kept cheap: a numpy pixel, a list slot
        if self.log is not None:
            self._log(root, path, key, value, module, name)
        elif self.outer is not None:
            self.outer._log(root, path, key, value, module, name)

    def call(
        self,
        root: Any,
        path: tuple[Any, ...],
        key: Any,
        method: str,
        args: tuple[Any, ...],
        kwargs: dict[str, Any],
        module: str | None = None,
        name: str | None = None,
    ) -> Any:
        """``root<path>[key].method(*args, **kwargs)``, its effect carried to the team.

        A method called for its effect on an item (``rows[i].sort()``,
        ``particles[i].move(dt)``) changes this process's copy only; the item's new
        state is logged like a store, and merged into the other processes' item in
        place, so references to it elsewhere see the change too.
        """
        target = walk(root, path) if path else root
        item = fetch(target, key)
        try:
            return getattr(item, method)(*args, **kwargs)
        finally:  # what it changed before raising counts too
            if worth_recording(item):
                self._record(root, path, key, Mutated(item), module, name)

    def call_item(
        self,
        items: Sequence[Any],
        variable: Any,
        position: tuple[Any, ...],
        steps: tuple[Any, ...],
        method: str,
        args: tuple[Any, ...],
        kwargs: dict[str, Any],
    ) -> Any:
        """``variable<steps>.method(...)`` on the loop's item, its effect carried back.

        Like :meth:`call`, for ``for p in particles: p.move(dt)``: ``variable`` sits at
        ``position`` in ``items[item_index]``, and the master merges the receiver's new
        state into its own item in place.
        """
        receiver = walk(variable, steps) if steps else variable
        try:
            return getattr(receiver, method)(*args, **kwargs)
        finally:
            if (self.log is not None or self.outer is not None) and worth_recording(receiver):
                full = (self.item_index, *position, *steps)
                self._record(items, full[:-1], full[-1], Mutated(receiver), None, None)

    def store_item(
        self,
        items: Sequence[Any],
        variable: Any,
        position: tuple[Any, ...],
        path: tuple[Any, ...],
        key: Any,
        value: Any,
    ) -> None:
        """``variable<path>[key] = value`` into the loop's item, carried to the team.

        The record names the item by its place in ``items`` (see :meth:`call_item`).
        """
        target = walk(variable, path) if path else variable
        assign(target, key, value)
        if self.log is not None or self.outer is not None:
            place = (self.item_index, *position, *path)
            self._record(items, place, key, value, None, None)

    def update_item(
        self,
        items: Sequence[Any],
        variable: Any,
        position: tuple[Any, ...],
        path: tuple[Any, ...],
        key: Any,
        op: str,
        value: Any,
    ) -> None:
        """``variable<path>[key] op= value`` into the loop's item, carried."""
        current = fetch(walk(variable, path), key)
        self.store_item(items, variable, position, path, key, INPLACE[op](current, value))

    def delete_item(
        self,
        items: Sequence[Any],
        variable: Any,
        position: tuple[Any, ...],
        path: tuple[Any, ...],
        key: Any,
    ) -> None:
        """``del variable<path>[key]`` in the loop's item, carried."""
        self.store_item(items, variable, position, path, key, DELETED)

    def _record(
        self,
        root: Any,
        path: tuple[Any, ...],
        key: Any,
        value: Any,
        module: str | None,
        name: str | None,
    ) -> None:
        if self.log is not None:
            self._log(root, path, key, value, module, name)
        elif self.outer is not None:
            self.outer._log(root, path, key, value, module, name)

    def relay(self, roots: dict[int, Any], log: list[tuple[Any, ...]]) -> None:
        """Records from the other threads of this thread's team, replayed here, passed
        on to the enclosing team (a nested region run by one of its threads)."""
        if self.outer is None:
            return
        for root_id, path, key, value in log:
            if isinstance(root_id, tuple):
                module, name = root_id
                root = sys.modules[module].__dict__.get(name)
            else:
                module = name = None
                root = roots.get(root_id)
            if root is not None:
                self.outer._log(root, path, key, value, module, name)

    def _log(
        self,
        root: Any,
        path: tuple[Any, ...],
        key: Any,
        value: Any,
        module: str | None,
        name: str | None,
    ) -> None:
        log = self.log
        assert log is not None
        team = self.team
        assert team is not None
        root_id = id(root)
        # Only objects the region shares are logged: a private object (bound in the
        # region, or a firstprivate copy) stays with its thread, and a shared-memory
        # array needs no log at all.
        if root_id in team.logged_roots:
            if type(value) is Mutated and self._already_mutated(root_id, path, key):
                pass  # the record holds the live item: its state is taken when it is sent
            else:
                log.append((root_id, path, key, value))
            self.stored_ids.add(root_id)
        elif (
            module is not None
            and root_id not in team.roots
            and sys.modules[module].__dict__.get(name) is root  # type: ignore[arg-type]
            and not _is_shared_array(root)
        ):
            log.append(((module, name), path, key, value))
        if self.outer is not None:  # thread 0 of a nested team: the enclosing team too
            self.outer._log(root, path, key, value, module, name)

    def _already_mutated(self, root_id: int, path: tuple[Any, ...], key: Any) -> bool:
        """Whether this item is already in the log (one record per item, not per call)."""
        try:
            location = (root_id, path, key)
            if location in self.mutated:
                return True
            self.mutated.add(location)
        except TypeError:  # an unhashable key (a slice): record every call
            pass
        return False

    def delete(
        self,
        root: Any,
        path: tuple[Any, ...],
        key: Any,
        module: str | None = None,
        name: str | None = None,
    ) -> None:
        """``del root<path>[key]`` (or ``.key``), carried like :meth:`store`."""
        self.store(root, path, key, DELETED, module, name)

    def update(
        self,
        root: Any,
        path: tuple[Any, ...],
        key: Any,
        op: str,
        value: Any,
        module: str | None = None,
        name: str | None = None,
    ) -> None:
        """``root<path>[key] op= value``, carried like :meth:`store`."""
        current = fetch(walk(root, path), key)
        self.store(root, path, key, INPLACE[op](current, value), module, name)


INPLACE = {
    "+=": operator.iadd,
    "-=": operator.isub,
    "*=": operator.imul,
    "/=": operator.itruediv,
    "//=": operator.ifloordiv,
    "%=": operator.imod,
    "**=": operator.ipow,
    "<<=": operator.ilshift,
    ">>=": operator.irshift,
    "&=": operator.iand,
    "|=": operator.ior,
    "^=": operator.ixor,
    "@=": operator.imatmul,
}


def _is_shared_array(value: Any) -> bool:
    from .sharedmem import is_array, is_shared

    return is_array(value) and is_shared(value)


class Workshare:
    """One ``for`` construct inside a region (or orphaned): its reductions and end.

    The generated code asks it for each reduction variable's starting value,
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
    ) -> None:
        self.thread = thread
        self.reduction = reduction
        self.lastprivate = lastprivate
        self.nowait = nowait
        self.shared = shared

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
        space = schedule.iteration_space(*iterables) if thread.num == 0 else None
        return thread.exchange(space)[0]

    def loop(
        self, items: Any, kind: str | None = None, chunk: int | None = None, ordered: bool = False
    ) -> Iterable[Any]:
        return self.thread.loop(items, kind, chunk, ordered)

    def end(self, names: dict[str, Any]) -> dict[str, Any]:
        """Combine reductions, pick lastprivate values, and wait (unless nowait)."""
        thread = self.thread
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
        for name, (op, original) in self.reduction.items():
            result[name] = combine(op, original, [c[0][name] for c in contributions if c])
        for contribution in contributions:
            if contribution and contribution[1]:
                result.update(contribution[1])
        if self.shared and not self.nowait:
            result.update(thread.refresh(self.shared))
        return result
