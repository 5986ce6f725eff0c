"""What the threads of one team agree on: barrier, exchange, records, publication.

One :class:`ThreadTeam` per region.  Its ``mutex`` guards the barrier's counters, the
work-share records and the sleepers; the threads' data needs no guarding, since they
share one heap.  A failing thread :meth:`aborts <ThreadTeam.abort>` the team: every
waiter wakes and raises :class:`~omppy.runtime.errors.TeamAborted`, which only
unwinds it (the region reports the original failure).

Critical and atomic locks are process-wide (:func:`critical_lock`), as in OpenMP: two
teams of a nested region exclude each other on the same name.
"""

from __future__ import annotations

import _thread
import itertools
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from .. import deadlock, state
from ..backend import gil_enabled
from ..errors import AbortedBetween, TeamAborted
from ..where import location
from . import hang, tasks
from .doacross import Progress
from .keyorder import NewKeys
from .park import SPIN, Parker, spin_budget

if TYPE_CHECKING:
    from ..thread import ThreadContext
    from .context import ThreadedContext

ABORTED = "another thread of the team failed"


class Record:
    """The shared state of one work-sharing construct (a dynamic or ordered loop, a
    ``single``), found by its number: the n-th such construct every thread meets."""

    __slots__ = ("cancelled", "claimed", "construct", "left", "lock", "next", "turn", "waiting")

    def __init__(self, construct: int) -> None:
        self.construct = construct
        self.lock = _thread.allocate_lock()  # guards ``next`` (the chunk hand-out)
        self.next = 0  # first iteration not handed out yet
        self.turn = 0  # ordered: the iteration whose ordered block may run
        self.waiting: dict[int, Parker] = {}  # ordered: iteration -> its sleeping thread
        self.claimed = False  # single: a thread has taken it
        self.left = 0  # threads done with it (the last one forgets it)
        self.cancelled = False  # 'cancel for' / 'cancel sections' (cancel.py)


class ThreadTeam:
    """The threads of one region: size, nesting level, and what they agree on."""

    # Defaults shadowed per team by the first store (a region makes a team: each store
    # in ``__init__`` is on its path, issue 22).  Immutable values only.
    aborted = False
    mark = 1  # once aborted: the first failure's place (firstfailure.py); 1 stops all
    arrived = 0
    generation = 0
    cancelled = False  # 'cancel parallel' ran (cancel.py)
    hang_reported = False
    _board: deadlock.Board | None = None
    # The dicts the team's dict watcher watches (threads/keyorder.py), set by the
    # region that runs it (nested teams: None, their dicts are their parent's).
    watched_dicts: list[dict[Any, Any]] | None = None

    def __init__(self, size: int, parent: ThreadContext) -> None:
        self.size = size
        self.parent = parent
        parent_team = parent.team
        self.level: int = (parent_team.level if parent_team else 0) + 1
        self.active_level: int = (parent_team.active_level if parent_team else 0) + (size > 1)
        self.mutex = _thread.allocate_lock()
        self.spins = spin_budget(size) > 0  # waiting threads spin before they sleep
        self.parallel = not gil_enabled()  # the threads really run at once
        self.sleepers: list[Parker] = []
        self.parkers: list[Parker] = []  # every thread's, for abort
        self.slots: tuple[list[Any], list[Any]] = ([None] * size, [None] * size)
        self.folded: list[Any] = [None, None]
        self.records: dict[int, Record] = {}
        # Names bound in synchronisation blocks: their latest values (the threads'
        # locals are their own, so a block's names are handed on through here).
        self.published: dict[str, Any] = {}
        # and, per name, (version, publisher, value): a thread takes a published
        # value once, and never its own (its local is as new, or newer: a later
        # binding outside any block, ``x = None`` before the next ``critical``)
        self.stamped: dict[str, tuple[int, int, Any]] = {}
        self.versions = itertools.count(1)
        self.new_keys = NewKeys(size)  # put in iteration order at every barrier
        self.finished = [False] * size  # threads done with their part of the region
        self.region_at = location()  # for messages about the region
        self.progress = [0] * size  # doacross: how far each thread has got (doacross.py)
        self.progress_waiters: list[Parker] = []
        self.tasks = tasks.team_tasks(self)  # deferred tasks, if the program has any
        self.wait_limit = hang.limit()  # seconds a thread may wait (OMPPY_WAIT_LIMIT)
        # every thread's, for the hang check (emptied when the region ends: a context
        # refers to its team, and a cycle would be left to the cyclic GC, which on a
        # free-threaded CPython scans the whole heap)
        self.contexts: list[ThreadedContext] = []

    @property
    def board(self) -> deadlock.Board | None:
        """Where its threads wait, when they wait long (deadlock.Board); None in a team
        of one.  Made when a wait first lasts, with the records of the threads done by
        then: a region whose waits are short never needs it."""
        board = self._board
        if board is None and self.size > 1:
            with self.mutex:
                board = self._new_board()
        return board

    def _new_board(self) -> deadlock.Board:
        """The board (made now if need be); the caller holds ``mutex``, under which a
        thread finishing writes its record (:meth:`finish`)."""
        board = self._board
        if board is None:
            size = self.size
            words = memoryview(bytearray(8 * deadlock.Board.words_for(size))).cast("q")
            board = deadlock.Board(
                words, 0, size, self.finished.__getitem__, self.region_at, direct=True
            )
            for context in self.contexts:
                if self.finished[context.num]:
                    board.leave(context, context.ident)
            self._board = board
        return board

    @property
    def liveness(self) -> Progress:
        """How a doacross sink waits (runtime/doacross.py): made when asked, since
        one kept here would refer back to the team (a cycle, as above)."""
        return Progress(self)

    def dissolve(self) -> None:
        """The region is over: break the team's cycles (see ``contexts``)."""
        self.contexts = []

    # -- failures ---------------------------------------------------------------------

    def abort(self, mark: int = 1) -> None:
        """Stop the team: every thread waiting now or later raises TeamAborted, and
        every loop or chunk stops but those before ``mark`` in python's order (the
        place of a thread's failure: firstfailure.py)."""
        with self.mutex:
            if not self.aborted or mark < self.mark:
                self.mark = mark
            self.aborted = True
            parkers = list(self.parkers)
        for parker in parkers:
            parker.unpark()
        if self.tasks is not None:
            with self.tasks.lock:
                self.tasks.wake.notify_all()

    def finish(self, me: ThreadContext) -> None:
        """Thread ``me`` is done with its part: wake the threads waiting at a barrier,
        which it will never reach (they stop with TeamDeadlock)."""
        with self.mutex:
            self.finished[me.num] = True
            if self._board is not None:
                self._board.leave(me)
            sleepers = list(self.sleepers)
        for parker in sleepers:
            parker.unpark()

    def check(self) -> None:
        if self.aborted:
            raise TeamAborted(ABORTED)

    def check_hang(self, me: ThreadedContext, began: float, what: str) -> None:
        """Stop with TeamDeadlock when ``me`` has waited longer than the team's wait
        limit (``hang.py``); the threads that keep it waiting are stopped too."""
        if self.wait_limit is not None:
            hang.check(self, me, began, what)

    # -- waiting ----------------------------------------------------------------------

    def wait_until(
        self,
        me: ThreadedContext,
        ready: Callable[[], bool],
        sleep_in: Callable[[], None],
        stuck: Callable[[], None] | None = None,
        what: Any = None,
    ) -> None:
        """Return once ``ready()``; ``sleep_in()`` (called under the mutex) registers
        ``me.parker`` where the thread that makes it ready will unpark it.  ``stuck()``
        (under the mutex, before each sleep) raises if nothing can make it ready;
        ``what`` it waits for goes on the team's board if the wait lasts (a sleep is
        then at most ``deadlock.TICK``, so the thread can look at its team)."""
        if self.spins:
            for _ in range(SPIN.checks):
                if ready():
                    SPIN.paid()  # the waits are short: spin as long next time
                    return
                if self.aborted:
                    raise TeamAborted(ABORTED)
            SPIN.wasted()  # the thread waited for is slow, or not running: spin less
        parker = me.parker
        stall: deadlock.Stall | deadlock.NoStall = deadlock.NO_STALL
        timeout = -1.0 if what is None else deadlock.TICK
        unparked = True
        limit = self.wait_limit
        began = time.monotonic() if limit is not None else 0.0
        me.waiting = True
        try:
            while True:
                with self.mutex:
                    if ready():
                        return
                    if self.aborted:
                        raise TeamAborted(ABORTED)
                    if stuck is not None:
                        stuck()
                    if unparked:  # after a timeout it is still where sleep_in put it
                        sleep_in()
                stall.tick()
                if limit is None:
                    unparked = parker.park(timeout)
                else:
                    unparked = parker.park(hang.POLL if timeout < 0 else min(timeout, hang.POLL))
                    self.check_hang(me, began, "waits at a barrier or for its turn")
                if not unparked and what is not None and stall is deadlock.NO_STALL:
                    stall = deadlock.stall(what)  # the wait has lasted
        finally:
            stall.end()
            me.waiting = False

    def take(self, lock: Any, what: Any = None) -> None:
        """Acquire ``lock`` (a critical lock, an OpenMP lock), stopping if the team fails;
        ``what`` names it if the wait lasts (deadlock.Stall): the lock, or its owner."""
        if lock.acquire(False):
            return
        stall: deadlock.Stall | deadlock.NoStall = deadlock.NO_STALL
        began = time.monotonic()
        me: Any = state.current()
        mine = getattr(me, "team", None) is self
        if mine:
            me.waiting = True
        try:
            while not lock.acquire(True, deadlock.TICK):
                if self.aborted:
                    raise TeamAborted(ABORTED)
                if stall is deadlock.NO_STALL:  # made only once the wait has lasted
                    stall = deadlock.stall(lock if what is None else what)
                stall.tick()
                if self.wait_limit is not None and mine:
                    self.check_hang(me, began, "waits for a lock")
        finally:
            stall.end()
            if mine:
                me.waiting = False

    # -- barriers ---------------------------------------------------------------------

    def barrier(self, me: ThreadedContext, action: Callable[[], None] | None = None) -> None:
        """Wait for the whole team; the last thread to arrive runs ``action`` first."""
        if self.tasks is not None:
            tasks.state_of(me).barrier()  # every task of the team completes first
        with self.mutex:
            if self.aborted:  # (stopped at a barrier: it had ended what it began)
                raise AbortedBetween(ABORTED)
            generation = self.generation
            self.arrived += 1
            last = self.arrived == self.size
        if not last:

            def stuck() -> None:
                # A teammate that finished its part of the region never comes to this
                # barrier (a barrier completes before anyone may finish): wait no more.
                gone = [num for num, done in enumerate(self.finished) if done]
                if gone and self._new_board().claim():
                    raise deadlock.at_barrier(gone, self.size)

            try:
                self.wait_until(
                    me,
                    lambda: self.generation != generation,
                    lambda: self.sleepers.append(me.parker),
                    stuck,
                    (deadlock.BARRIER, generation),
                )
            except AbortedBetween:
                raise
            except TeamAborted:
                raise AbortedBetween(ABORTED) from None
            return
        try:
            self.new_keys.order()
            if action is not None:
                action()
        except BaseException:
            self.abort()
            raise
        with self.mutex:
            self.arrived = 0
            self.generation = generation + 1
            sleepers, self.sleepers = self.sleepers, []
        for parker in sleepers:
            parker.unpark()

    def exchange(
        self,
        me: ThreadedContext,
        payload: Any,
        fold: Callable[[list[Any]], Any] | None = None,
    ) -> Any:
        """A barrier at which each thread hands the others ``payload``.

        Returns every thread's payload in thread order, or, with ``fold``, what
        ``fold`` made of them: run once, by the last thread to arrive, so an in-place
        combine into a shared object happens once.
        """
        parity = me.barriers & 1
        me.barriers += 1
        slots = self.slots[parity]
        slots[me.num] = payload
        if fold is None:
            self.barrier(me)
            return list(slots)  # rewritten only two barriers on: this thread must come first

        def run_fold() -> None:
            self.folded[parity] = fold(list(slots))

        self.barrier(me, run_fold)
        return self.folded[parity]

    # -- work-sharing records -----------------------------------------------------------

    def enter_record(self, me: ThreadContext) -> Record:
        """The record of this thread's next work-sharing construct (made by the first)."""
        construct = me.workshares
        me.workshares += 1
        with self.mutex:
            record = self.records.get(construct)
            if record is None:
                record = self.records[construct] = Record(construct)
            return record

    def leave_record(self, record: Record) -> None:
        with self.mutex:
            record.left += 1
            if record.left == self.size:
                del self.records[record.construct]

    def claim(self, record: Record) -> bool:
        """True for the first thread to claim ``record`` (a ``single``)."""
        with self.mutex:
            first = not record.claimed
            record.claimed = True
            return first

    def wait_turn(self, me: ThreadedContext, record: Record, index: int) -> None:
        """Wait until iteration ``index`` of an ordered loop may run its ordered block."""
        if record.turn == index:
            return

        def sleep_in() -> None:
            record.waiting[index] = me.parker

        what = (deadlock.ORDERED, index, lambda: record.turn)
        self.wait_until(me, lambda: record.turn == index, sleep_in, what=what)

    def pass_turn(self, record: Record, index: int) -> None:
        """Iteration ``index`` is done with its turn: the next iteration's may start."""
        with self.mutex:
            record.turn = index + 1
            waiter = record.waiting.pop(index + 1, None)
        if waiter is not None:
            waiter.unpark()

    # -- names bound in synchronisation blocks ----------------------------------------------

    def fresh(self, names: tuple[str, ...], reader: Any = None) -> dict[str, Any]:
        """The latest published values of those of ``names`` any thread published;
        for a ``reader`` (a thread's context), only those it has not taken yet and
        another thread (or a task) published."""
        if reader is None:
            published = self.published
            return {name: published[name] for name in names if name in published}
        stamped, seen, me = self.stamped, reader.seen_versions, reader.num
        found = {}
        for name in names:
            stamp = stamped.get(name)
            if stamp is None or seen.get(name) == stamp[0]:
                continue
            seen[name] = stamp[0]
            if stamp[1] != me:
                found[name] = stamp[2]
        return found

    def publish(self, values: dict[str, Any], publisher: int = -1) -> None:
        """``values`` bound in a block by thread ``publisher`` (-1: by a task)."""
        version = next(self.versions)  # (atomic: one C call)
        stamped = self.stamped
        for name, value in values.items():
            stamped[name] = (version, publisher, value)
        self.published.update(values)


_critical: dict[str, Any] = {}
_critical_guard = _thread.allocate_lock()


def critical_lock(kind: str) -> Any:
    """The process-wide lock of a construct kind: ``"critical(name)"``, ``"atomic"``."""
    lock = _critical.get(kind)
    if lock is None:
        with _critical_guard:
            lock = _critical.setdefault(kind, _thread.allocate_lock())
    return lock


def forget_critical_locks() -> None:
    """Later constructs get new locks: a thread stopped by Ctrl-C may hold an old one."""
    with _critical_guard:
        _critical.clear()
