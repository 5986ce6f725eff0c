"""A thread's view of its team: what the translated code calls ``_omp_t``.

A :class:`ThreadContext` knows its thread number and team, hands out loop
iterations, opens synchronisation blocks and runs barriers.  What the threads
change in shared objects is kept coherent by its :class:`~.coherence.Coherence`
(``None`` in a team of one).  The initial thread of a program has a context too
(a team of one), so orphaned constructs and the ``omp_*`` routines work without a
region.

One idea: :class:`ThreadContext`, the one object the translated code talks to; its
methods are the constructs' entry points (``benchmarks/trace_overhead.py`` times
them by name here), each handing the work to its own module (``sync.py``,
``workshare.py``, ``schedule.py``, ``doacross.py``, ``tasks.py``, ``cancel.py``).
"""

from __future__ import annotations

import functools
import weakref
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from . import cancel, deadlock, doacross, private_globals, regionend, schedule, state, tasks
from .arena import ABORT, CANCEL, WS_NEXT, WS_ORDERED
from .coherence import Coherence
from .errors import AbortedBetween, OmpError, TeamAborted
from .firstfailure import AFTER_LOOP, runs_before
from .paths import INPLACE, assign, delete, fetch, walk
from .sync import RUNS, SyncBlock
from .where import interval, location
from .workshare import Workshare

if TYPE_CHECKING:
    from .doacross import Doacross
    from .tasks import TaskState
    from .team import Team


class ThreadContext:
    """Thread ``num`` of ``team``; ``team`` is None for the initial thread."""

    # True while ``team is None and not inside``: the initial thread's own context
    # (``initial``) when it runs no task (taskrun.py and threads/taskstate.py set it
    # False while one runs), where an orphaned ``critical``, ``atomic``, ``single``,
    # ``ordered`` or ``master`` just runs (``RUNS``).  The generated code tests it
    # before it builds the block's arguments (``_omp.RUNS if _omp_t.idle else ...``):
    # a helper called outside regions costs near what python's does.
    idle = False
    # A new context's counters and marks: class attributes, which the first store
    # shadows per context (a region makes a context per thread; each store in
    # ``__init__`` is paid on the region's path: issue 22).  Immutable values only.
    workshares = 0  # work-sharing constructs met so far (agreed team-wide)
    loops = 0  # work-sharing loops met so far (tags new dict keys, coherence.py)
    barriers = 0
    did_last = False  # ran the sequentially last iteration of the last loop
    current_iteration = 0
    # The first iteration of the chunk this thread runs (None: no chunk yet), set as
    # each chunk starts by every kind of loop, AFTER_LOOP once the loop is over: an
    # order-dependent reduction's pieces are keyed by it (Workshare.chunks); with
    # ``loops``, a failure's place in python's order (firstfailure.py).
    chunk_start: int | None = 0
    # The first chunk it began since its last barrier, ``(loops, start)`` (None: none
    # yet): with its place when it stopped, which iterations its changes since that
    # barrier span, when a teammate failed (failedstate.py).  Forked teams only.
    first_chunk: tuple[int, int] | None = None
    unsent_part: Any = None  # its changes, taken for a barrier a teammate's failure broke
    # A combined parallel for/sections: the region's reductions, and what splits the
    # thread's share where an order-dependent one needs it (chunks, cut).
    reductions: dict[str, tuple[str, Any]] = {}
    cutter: Workshare | None = None
    scattered = ""  # where a loop of the region dealt chunks out of order (note_schedule)
    ordered_base = -1  # arena record of the ordered loop being run
    ordered_pending = False  # current iteration has not passed its turn yet
    # Where this thread last agreed with its team (for messages about races).
    last_sync = "the start of the region"
    doacross: Doacross | None = None  # the doacross loop it runs
    tasks: TaskState | None = None  # its explicit tasks (tasks.py), when it has any
    # A team of one for a region written inside another region (enclosing_team).
    nested = False

    def __init__(self, team: Team | None, num: int, coherence: Coherence | None = None) -> None:
        self.team = team
        self.num = num
        self.size = team.size if team else 1
        self.coherence = coherence
        if coherence is not None:
            coherence.where = functools.partial(_where, weakref.ref(self))
        # The synchronisation blocks this thread is running, innermost last.  Not every
        # thread runs them (single, master) or they run one thread at a time (critical,
        # ordered), so a barrier or work share reached inside one, through a called
        # function, would deadlock the team: it is refused instead.
        self.inside: list[str] = []
        # Names this thread published when it created a task that takes their newest
        # value (taskcore.flush_for_task), with the values: the block it is in does
        # not publish them again unless it binds them anew (sync.py).
        self.flushed: dict[str, Any] = {}
        # The constructs this thread runs that may be cancelled (cancel.py).
        self.cancel_scopes: list[cancel.CancelScope] = []

    @classmethod
    def initial(cls) -> ThreadContext:
        context = InitialContext(None, 0)
        context.idle = True
        return context

    # -- loops ------------------------------------------------------------------------

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
        """This thread's iterations of a work-sharing loop over ``items``.

        ``cancellable``: the loop, or its region, may be cancelled (cancel.py).
        ``doacross``: the loop has ``ordered(n)``; the iterables of the doacross
        levels below the work-shared ones (doacross.py).
        ``track`` is accepted for translations made by older versions of omppy.
        """
        if not schedule.is_sequence(items):
            items = schedule.iteration_space(items)
        n = len(items)
        kind, chunk = schedule.resolve(kind, chunk)
        size, num = self.size, self.num
        if size > 1:
            self.refuse_inside_block("a work-sharing loop ('# omp for')")
            if self.reductions and (kind != "static" or chunk is not None):
                self.scattered = location()
        if doacross is not None:
            return _doacross_loop(self, items, kind, chunk, doacross)
        if ordered and size > 1:
            return self._ordered_loop(items, n, kind, chunk)
        if cancellable and size > 1:
            return cancel.loop(self, items, kind, chunk)
        if size == 1:
            self.did_last = n > 0
            return items
        if kind == "static":
            if chunk is None:
                start, stop = schedule.static_block(n, size, num)
                self._stop_if_aborted(start)
                self.loops += 1
                self.did_last = stop == n and stop > start
                self._mark(start)
                if stop <= start:  # no iteration: before all of the loop's (failedstate.py)
                    self.chunk_start = -1
                return items[start:stop]
            self._stop_if_aborted(num * chunk)
            self.loops += 1
            self.did_last = n > 0 and ((n - 1) // chunk) % size == num
            self.chunk_start = -1  # until its first chunk (failedstate.py)
            return self._marked_chunks(items, n, chunk)
        self._stop_if_aborted(0)  # (each chunk it takes is checked too: Team.grab)
        self.loops += 1
        self.did_last = False
        self.chunk_start = -1
        return self._shared_counter_loop(items, n, kind, chunk or 1)

    def _stop_if_aborted(self, start: int) -> None:
        """Stop here if a teammate failed, unless this thread's next iterations, from
        ``start`` of its next loop, come before the failure in python's order
        (firstfailure.py): python would have run them first."""
        if self.team is not None:
            mark = self.team.arena.words[ABORT]
            if mark and not runs_before(mark, self.loops + 1, start):
                raise AbortedBetween("another thread of the team failed")

    def let_go(self) -> None:
        """The region is over for this thread: drop what refers back to it (the
        cutter, its tasks' state), cycles that would keep the region's arrays (a
        reduction's original, the replica's) alive until a full collection."""
        self.cutter = None
        self.tasks = None

    def chunks(self, share: Iterable[Any]) -> Iterable[Iterable[Any]]:
        """A combined ``parallel for`` (``sections``): this thread's share, chunk by
        chunk for an order-dependent reduction (see :class:`Workshare`); the region
        takes the pieces from ``cutter`` (``Region.partials``)."""
        cutter = self.cutter = Workshare(self, self.reductions, (), True)
        return cutter.chunks(share)

    def cut(self, name: str, value: Any) -> Any:
        """A chunk of a combined construct starts (see :meth:`Workshare.cut`)."""
        return value if self.cutter is None else self.cutter.cut(name, value)

    def _mark(self, first: int) -> None:
        """Iterations from ``first`` on run now (see Coherence.mark)."""
        self.chunk_start = first
        if self.first_chunk is None:
            self.first_chunk = (self.loops, first)
        if self.coherence is not None:
            self.coherence.mark((self.loops, first))

    def end_of_loop(self) -> None:
        """The loop's iterations are over: what follows comes after all of them."""
        self.chunk_start = AFTER_LOOP
        if self.coherence is not None and self.size > 1:
            self.coherence.mark((self.loops, AFTER_LOOP))

    def _marked_chunks(self, items: Sequence[Any], n: int, chunk: int) -> Iterator[Any]:
        coherence = self.coherence
        if coherence is not None and not coherence.replica.ordered_dicts:
            # no key order to tag: a chunk costs one store more (how many it runs is
            # known now: Coherence._untracked_tag)
            coherence.chunks(self.loops, range(self.num * chunk, n, self.size * chunk))
            coherence = None
        if self.first_chunk is None and self.num * chunk < n:  # (once, not per chunk)
            self.first_chunk = (self.loops, self.num * chunk)
        for start in range(self.num * chunk, n, self.size * chunk):
            self.chunk_start = start  # (a failure's place: firstfailure.py)
            if coherence is not None:
                coherence.mark((self.loops, start))
            yield from items[start : start + chunk]

    def _shared_counter_loop(
        self, items: Sequence[Any], n: int, kind: str, chunk: int
    ) -> Iterator[Any]:
        assert self.team is not None
        base = self.team.enter_workshare(self)
        grab = self.team.grab
        guided = kind == "guided"
        try:
            while True:
                start, stop = grab(base, n, chunk, guided, self.loops)
                if start >= n:
                    return
                if stop >= n:
                    stop = n
                    self.did_last = True
                self._mark(start)
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
                self._mark(start)
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
            what = (deadlock.ORDERED, index, lambda: int(words[slot]))
            if self.cancel_scopes:  # the region may be cancelled while this one waits
                self.team.liveness.sleep_until(
                    lambda: bool(words[slot] == index or words[CANCEL]), what
                )
                if words[slot] != index:
                    cancel.cancellation_point(self, "parallel")
            else:
                self.team.liveness.sleep_until(lambda: words[slot] == index, what)

    # -- synchronisation constructs ---------------------------------------------------

    def wait(self, lock: Any, owner: Any = None) -> None:
        """Acquire ``lock``: a critical lock, or the semaphore of ``owner`` (an
        OpenMP lock), which names it if the wait lasts (deadlock.Stall)."""
        if self.team is None or self.team.liveness is None:
            lock.acquire()
        else:
            self.team.liveness.wait(lock, what=lock if owner is None else owner)

    def refresh(self, names: tuple[str, ...]) -> dict[str, Any]:
        """The values of ``names`` other threads bound since this thread took them."""
        if self.coherence is None or not names:
            return {}
        return self.coherence.fresh(names)

    # The synchronisation constructs and work shares, for every backend: what differs
    # (the block's type, a critical's lock, who runs a single, an ordered turn) is
    # asked of the hooks below, which threads/context.py overrides.
    #
    # ``touches`` and ``closed``: what a block may change, from the translator's
    # effects analysis (see SyncBlock); translations without them compare everything.
    #
    # With no team (``team`` None: a helper's orphaned construct called outside any
    # region) and no task or block running, a construct has no lock to take, nothing
    # to apply or publish and no barrier: it runs as python would, as a shared
    # ``SequentialBlock``, so code outside regions keeps python's speed.

    block_type: Any = SyncBlock  # one execution of a block (sync.py)
    workshare_type: Any = Workshare  # one for/sections construct (workshare.py)

    def critical(
        self,
        name: str = "",
        names: tuple[str, ...] = (),
        touches: tuple[str, ...] | None = None,
        closed: bool = False,
        reads: tuple[str, ...] = (),
    ) -> Any:
        if self.team is None and not self.inside:
            return RUNS
        outer = self.enclosing_team() if self.size == 1 else None
        if outer is not None:
            if not self.nested:
                names = reads = ()
            return outer.critical(name, names, touches, closed, reads)
        kind = f"critical({name})" if name else "critical"
        lock = self.block_lock(kind, name)
        if lock is not None:
            self._refuse_reentry(kind)
        return self.block_type(self, kind, names, True, lock, touches, closed, reads)

    def atomic(
        self,
        names: tuple[str, ...] = (),
        touches: tuple[str, ...] | None = None,
        closed: bool = False,
        reads: tuple[str, ...] = (),
    ) -> Any:
        if self.team is None and not self.inside:
            return RUNS
        outer = self.enclosing_team() if self.size == 1 else None
        if outer is not None:
            if not self.nested:
                names = reads = ()
            return outer.atomic(names, touches, closed, reads)
        lock = self.block_lock("atomic", None)
        if lock is not None:
            self._refuse_reentry("atomic")
        return self.block_type(self, "atomic", names, True, lock, touches, closed, reads)

    def master(
        self,
        names: tuple[str, ...] = (),
        filter: int = 0,
        touches: tuple[str, ...] | None = None,
        closed: bool = False,
        reads: tuple[str, ...] = (),
    ) -> Any:
        if not 0 <= filter < self.size:
            # OpenMP skips the block, which python runs: a different answer.
            raise OmpError(_no_thread_selected(filter, self.size))
        if self.team is None and not self.inside:
            return RUNS
        kind = "masked" if filter else "master"
        if "task" in self.inside:
            # Which thread runs a task is not known: the block would run or not by
            # chance (OpenMP forbids master and masked inside a task).
            raise OmpError(
                f"'# omp {kind}' was reached inside a task ('# omp task'), where which "
                "thread runs it is not known, so the block would run or not by chance; "
                "OpenMP forbids master and masked inside tasks: move it out of the task"
            )
        runs = self.num == filter
        return self.block_type(self, kind, names, runs, None, touches, closed, reads)

    def single(
        self,
        names: tuple[str, ...] = (),
        touches: tuple[str, ...] | None = None,
        closed: bool = False,
        reads: tuple[str, ...] = (),
    ) -> Any:
        if self.team is None and not self.inside:
            return RUNS
        if self.size == 1 or self.team is None:
            return self.block_type(self, "single", names, True, None, touches, closed, reads)
        self.refuse_inside_block("'# omp single'")
        first = self.claim_single()
        return self.block_type(self, "single", names, first, None, touches, closed, reads)

    def ordered(
        self,
        names: tuple[str, ...] = (),
        touches: tuple[str, ...] | None = None,
        closed: bool = False,
        reads: tuple[str, ...] = (),
    ) -> Any:
        if self.team is None and not self.inside:
            return RUNS
        if self.size == 1:
            return self.block_type(self, "ordered", names, True, None, touches, closed, reads)
        if not self.in_ordered_loop():
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
        block = self.block_type(self, "ordered", names, True, None, touches, closed, reads)
        block.after = self.turn_passer()
        return block

    # -- the hooks (forked processes: the arena's locks and words) --

    def enclosing_team(self) -> ThreadContext | None:
        """In a team of one inside a bigger team (an inactive nested region: the same
        thread), the enclosing thread, whose ``critical`` and ``atomic`` blocks are
        this thread's too: they exclude the enclosing team's other threads and
        publish the objects they change to them, as OpenMP's program-wide critical
        does; else None.  The names they bind are published too when the region is
        written inside the enclosing one's code (``nested``: the same names);
        otherwise they are the inner region's own (a function's locals).  Asked only
        by a team of one (its callers test the size first, on every block's path)."""
        if self.team is None:
            return None
        outer = self.team.parent
        while outer is not None and outer.size == 1 and outer.team is not None:
            outer = outer.team.parent
        return outer if outer is not None and outer.size > 1 else None

    def block_lock(self, kind: str, name: str | None) -> Any:
        """The lock of a critical block named ``name`` (``kind`` is its
        ``critical(name)``) or, with ``name`` None, of atomic blocks; None when the
        block needs none."""
        if self.size > 1 and self.team:
            arena = self.team.arena
            return arena.atomic_lock if name is None else arena.critical_lock(name)
        return None

    def claim_single(self) -> bool:
        """Whether this thread is the first of its team at its next ``single``."""
        assert self.team is not None
        team = self.team
        base = team.enter_workshare(self)
        with team.arena.lock:
            words = team.arena.words
            first = words[base + WS_NEXT] == 0
            words[base + WS_NEXT] = 1
        team.leave_workshare(base)
        return bool(first)

    def in_ordered_loop(self) -> bool:
        """Whether this thread runs a loop with the ``ordered`` clause."""
        return self.ordered_base >= 0

    def turn_passer(self) -> Any:
        """What ends the current iteration's ordered block: the next one's turn."""
        words = self.team.arena.words  # type: ignore[union-attr]
        slot, index = self.ordered_base + WS_ORDERED, self.current_iteration

        def pass_turn() -> None:
            words[slot] = index + 1
            self.ordered_pending = False

        return pass_turn

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
        conditional: tuple[str, ...] = (),
    ) -> Workshare:
        """Start a ``for`` construct with these clauses (see :class:`Workshare`).

        ``shared`` names the region's shared names bound in synchronisation
        constructs: the barrier at the end refreshes them.  ``conditional``: the
        names of ``lastprivate(conditional: ...)``.
        """
        if self.size > 1:
            self.refuse_inside_block("a work-sharing construct ('# omp for' or 'sections')")
        return self.workshare_type(self, reduction or {}, lastprivate, nowait, shared, conditional)

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
                "masked and ordered blocks and inside tasks: move it out of the block"
            )

    # -- barriers ---------------------------------------------------------------------

    def barrier(self) -> None:
        """Wait for the whole team; afterwards every thread holds the same shared state."""
        if self.size > 1:
            self.exchange(None)

    def region_ends_after(self) -> bool:
        """Whether this thread is a worker of a fork team whose region body returns
        right after the construct whose method calls this (``regionend.py``), in a
        region whose threads keep no threadprivate globals (a worker's are handed to
        the master after the region): its last barrier need bring it nothing."""
        return (
            self.num != 0
            and self.team is not None
            and not self.cancel_scopes
            and not private_globals.declared()
            and regionend.returns_after_call(3)
        )

    # Set by the construct that calls :meth:`exchange` next when this thread is a
    # worker whose region ends right after that barrier (:meth:`region_ends_after`):
    # it hands its changes over and applies nothing (the master applies and checks
    # everything).  The barrier clears it.
    ending = False

    def exchange(self, payload: Any, cancellation_point: bool = True) -> list[Any]:
        """A barrier at which each thread hands every other thread ``payload``.

        Returns the payloads of all threads in thread order (this thread's
        included).  What the threads changed in shared objects travels along.  In
        a region that may be cancelled, the barrier is a cancellation point.
        """
        ending, self.ending = self.ending, False
        if self.size == 1:
            return [payload]
        self.refuse_inside_block(
            "a barrier (an explicit '# omp barrier', or the one ending a 'for', "
            "'sections' or 'single')"
        )
        assert self.team is not None and self.coherence is not None
        if self.team.tasking:
            tasks.barrier(self)  # every task of the team completes first
        here = location()
        part = self.coherence.before_barrier()
        parity = self.barriers & 1
        self.barriers += 1
        # Draining a cancellable region (the one exchange that is no cancellation
        # point) meets the others at barriers wherever they are (cancel.py): its
        # barrier matches any in the check that threads wait at the same one.
        try:
            results = self.team.barrier_exchange(
                self, parity, (payload, part), any_site=not cancellation_point
            )
        except TeamAborted:
            self.unsent_part = part  # its changes, for a failed region's end (worker.py)
            # Stopped at a barrier: it had ended what it began (failedstate.py).
            raise AbortedBetween("another thread of the team failed") from None
        self.coherence.after_barrier(
            [r[1] for r in results], interval(self.last_sync, here), skip=ending
        )
        self.last_sync = here
        self.first_chunk = None  # what it changed so far is everyone's now
        payloads = [r[0] for r in results]
        if cancellation_point and self.cancel_scopes:
            cancel.after_barrier(self, payloads)
        return payloads

    # -- cancellation (cancel.py) -----------------------------------------------------

    def cancellable(self, kind: str) -> cancel.CancelScope:
        """``with _omp_t.cancellable('for'):`` around a construct that may be cancelled."""
        return cancel.CancelScope(self, kind)

    def cancel(self, kind: str, if_: Any = True) -> None:
        cancel.cancel(self, kind, if_)

    def cancellation_point(self, kind: str) -> None:
        cancel.cancellation_point(self, kind)

    # -- doacross loops (doacross.py) ---------------------------------------------------

    def doacross_wait(self, current: Sequence[Any], *sinks: Any) -> None:
        """``# omp ordered depend(sink: ...)``: wait until each sink has passed."""
        self._doacross().wait(current, sinks)

    def doacross_post(self, current: Sequence[Any]) -> None:
        """``# omp ordered depend(source)``: the current iteration has passed."""
        space = self._doacross()
        flat = space.number(current)
        if flat is not None:
            space.post(flat)

    def _doacross(self) -> Doacross:
        if self.doacross is None:
            raise OmpError(
                "'# omp ordered depend(...)' ran outside a loop with 'ordered(n)'"
            )
        return self.doacross

    # -- stores written by older translations ------------------------------------------
    # Shared objects are compared at synchronisation points, so a store is a store.

    def store(
        self, root: Any, path: tuple[Any, ...], key: Any, value: Any, *_: Any
    ) -> None:
        assign(walk(root, path), key, value)

    def delete(self, root: Any, path: tuple[Any, ...], key: Any, *_: Any) -> None:
        delete(walk(root, path), key)

    def update(
        self, root: Any, path: tuple[Any, ...], key: Any, op: str, value: Any, *_: Any
    ) -> None:
        target = walk(root, path)
        assign(target, key, INPLACE[op](fetch(target, key), value))

    def call(
        self,
        root: Any,
        path: tuple[Any, ...],
        key: Any,
        method: str,
        args: tuple[Any, ...],
        kwargs: dict[str, Any],
        *_: Any,
    ) -> Any:
        return getattr(fetch(walk(root, path), key), method)(*args, **kwargs)

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
        return getattr(walk(variable, steps), method)(*args, **kwargs)

    def store_item(
        self,
        items: Sequence[Any],
        variable: Any,
        position: tuple[Any, ...],
        path: tuple[Any, ...],
        key: Any,
        value: Any,
    ) -> None:
        assign(walk(variable, path), key, value)

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
        target = walk(variable, path)
        assign(target, key, INPLACE[op](fetch(target, key), value))

    def delete_item(
        self,
        items: Sequence[Any],
        variable: Any,
        position: tuple[Any, ...],
        path: tuple[Any, ...],
        key: Any,
    ) -> None:
        delete(walk(variable, path), key)


_doacross_loop = doacross.loop  # ``loop``'s parameter of that name hides the module


class InitialContext(ThreadContext):
    """The initial thread's context (a team of one).  A store to its ``idle`` (a task
    starts or ends on it: taskrun.py, threads/taskstate.py) also sets
    ``omppy.runtime.IDLE`` (``state.recheck``), which the translated code of an
    orphaned construct reads instead of calling ``_omp.thread()``.  Reads cost what
    they cost on any context; stores pay a call, and the initial thread stores little
    (a loop's ``did_last`` outside regions)."""

    def __setattr__(self, name: str, value: Any) -> None:
        object.__setattr__(self, name, value)
        if name == "idle":
            state.recheck()


def _no_thread_selected(filter: Any, size: int) -> str:
    return (
        f"'# omp masked filter({filter})' selects no thread of a team of {size} (its "
        f"threads are numbered 0 to {size - 1}): OpenMP would skip the block, which "
        "python runs, so the results would differ. Choose a thread the team has, e.g. "
        "filter(min(k, omp_get_num_threads() - 1)), or run with more threads"
    )


def _where(thread: weakref.ref[ThreadContext]) -> tuple[int, int]:
    """Where ``thread`` is in its iterations: its loop and chunk (the tag of a key a
    block adds to a dict no one tracks, Coherence._untracked_tag)."""
    context = thread()
    if context is None:
        return (0, -1)
    start = context.chunk_start
    return (context.loops, -1 if start is None else start)
