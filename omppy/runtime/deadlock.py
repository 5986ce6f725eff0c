"""What a thread says when it would wait for ever (docs/runtime-api.md, "Failures").

In C, a barrier that only some threads of a team reach, or a simple lock its owner
sets again, hangs the program.  omppy's threads can see each other's state in the
team's shared memory, so a thread that waits for what no thread can do any more
stops with ``TeamDeadlock``, naming itself, the line where it waits, and why.

Three checks, from the quickest to the most general:

- at once: a simple lock set again by its holder, and threads that meet at different
  barriers (deadlock_errors.py);
- a thread at a barrier that a teammate has left the region without reaching
  (``deadlock_errors.at_barrier``);
- the team stands still (:class:`Board`, this module): every thread of the team has
  either left the region or waits (a barrier, a lock, ``critical``, an ``ordered``
  turn, a ``taskwait``...), and every waiting thread keeps finding that what it waits
  for has not happened.  Then nothing can ever happen: only a running thread releases
  a lock, passes a turn or reaches a barrier.

One idea: the board, where each thread of a team writes what it waits for and what
it holds once it has waited a while, and the verdict read from it.  Where a thread
waits, as numbers, is waitsite.py.  The runtime still calls ``deadlock.at_barrier``
(both backends' barriers), ``deadlock.lock_held_by_caller`` and ``deadlock.user_site``
(locks.py): those names are imported here from the modules that hold them.

The board costs nothing while waits are short: a thread writes its record only once
it has waited ``LONG_WAIT``, and looks at the others only then.
"""

from __future__ import annotations

import _thread
import os
import sys
import threading
import time
import weakref
from collections.abc import Callable
from typing import Any

from . import state

# Names the runtime calls as deadlock.X, from the modules they now live in.
from .deadlock_errors import at_barrier as at_barrier
from .deadlock_errors import different_constructs, thread_list
from .deadlock_errors import lock_held_by_caller as lock_held_by_caller
from .errors import TeamDeadlock
from .waitsite import entry_text, site_text, where
from .waitsite import user_site as user_site

# -- the board: where each thread of a team waits, once it has waited a while ----------

LONG_WAIT = 0.02  # seconds a thread waits before it puts its wait on the board
LOOK_EVERY = 0.05  # seconds between two looks at the team by one waiting thread
STEADY = 0.1  # seconds the team must stand still before it is declared stuck
TICK = 0.05  # the longest sleep of a waiting thread between two checks (threads backend)

# What a thread waits for (its record's KIND).
BARRIER, LOCK, CRITICAL, ORDERED, TASKS, WORKSHARE, DOACROSS = range(1, 8)

# The words of a thread's record.
EPOCH = 0  # odd while its wait is on the board; bumped when a wait starts and ends
KIND = 1
SITE = 2  # the program's line where it waits (a site: file number and line, waitsite.py)
ENTRY = 3  # which of omppy's calls it waits in (waitsite.where), for the message
DETAIL = 4  # a lock's key; the iteration an ordered or doacross wait is for
DETAIL2 = 5  # ordered: the iteration whose turn it is, + 1; a lock: its holder + 1
CHECKS = 6  # times it found that what it waits for has not happened
ITER = 7  # the ordered iteration whose turn it has not passed, + 1 (0: none)
IDENT = 8  # its Python thread (threads backend: matched with a lock's holder)
LOOPS = 9  # when it has left: the work-sharing loops it met
WORKSHARES = 10  # ... and the other work-sharing constructs with a shared record
NHOLDS = 11  # how many locks it holds (as far as it knows), then their keys
MAX_HOLDS = 4
RECORD = NHOLDS + 1 + MAX_HOLDS
_MASK = 0x7FFFFFFFFFFFFFFF
ATOMIC_KEY = -1  # a critical lock's key on a forked team: -(its index + 2)

# The OpenMP locks of this process, by key: a thread that waits long, or leaves its
# region, finds the ones it holds among them (nothing is recorded when a lock is set).
_locks: dict[int, weakref.ref[Any]] = {}
# Above this many locks, a thread leaving its region does not look for the ones it
# holds (it would take a millisecond or more at each region's end): a lock kept by a
# thread that left is then not found, and its waiters hang as in C.
MAX_SCANNED_LOCKS = 1000


def lock_made(lock: Any) -> None:
    """Remember an OpenMP lock: a thread finds the locks it holds among these."""
    key = id(lock) & _MASK

    def forget(_: object) -> None:
        _locks.pop(key, None)

    _locks[key] = weakref.ref(lock, forget)


def _lock(key: int) -> Any:
    ref = _locks.get(key)
    return None if ref is None else ref()


class Board:
    """Where each thread of one team waits, and what it holds, once it has waited a
    while: ``words`` (int64) from ``base``, in the team's shared memory (a forked
    team) or in the process (a thread team, ``direct``: a waiter can see which thread
    holds a lock).  ``finished(t)``: thread ``t`` has left the region; ``lock()``: the
    team's lock for :meth:`claim` (a function: a failed team's board outlives its
    arena's semaphores, which the arena drops when it closes)."""

    def __init__(
        self,
        words: Any,
        base: int,
        size: int,
        finished: Callable[[int], Any],
        region_at: str,
        lock: Callable[[], Any] | None = None,
        direct: bool = False,
    ) -> None:
        self.words = words
        self.base = base
        self.size = size
        self.finished = finished
        self.region_at = region_at
        if lock is None:
            own = _thread.allocate_lock()
            lock = lambda: own  # noqa: E731
        self.lock = lock
        self.direct = direct
        # Each look reads every record: for a big team, look less often.
        self.look_every = max(LOOK_EVERY, min(1.0, 2e-6 * size * size))

    @staticmethod
    def words_for(size: int) -> int:
        return 1 + size * RECORD

    def record(self, num: int) -> int:
        return self.base + 1 + num * RECORD

    def claim(self) -> bool:
        """True for the first thread to report the team stuck (the others are then
        only unwound: one error, not one per thread)."""
        with self.lock():
            if self.words[self.base]:
                return False
            self.words[self.base] = 1
            return True

    def leave(self, me: Any, ident: int | None = None) -> None:
        """``me`` (the calling thread, or the thread ``ident``) has finished its part of
        the region: what it still holds, nobody will release.  On a thread team a waiter
        sees a lock's holder: only the thread's identity is written."""
        at = self.record(me.num)
        words = self.words
        words[at + IDENT] = (threading.get_ident() if ident is None else ident) & _MASK
        words[at + LOOPS] = me.loops
        words[at + WORKSHARES] = me.workshares
        if not self.direct:
            _write_holds(words, at, me, leaving=True)

    def check_constructs(self) -> None:
        """After the region, every thread having left it normally: raise OmpError if
        the threads met different numbers of work-sharing constructs.  Such a construct
        waits for nobody when it has ``nowait`` (a static ``for nowait`` inside ``if
        omp_get_thread_num() == 0:`` runs only that thread's iterations): no hang, but
        not the program's answer either."""
        words = self.words
        met: dict[tuple[int, int], list[int]] = {}
        for t in range(self.size):
            at = self.record(t)
            met.setdefault((words[at + LOOPS], words[at + WORKSHARES]), []).append(t)
        if len(met) > 1:
            raise different_constructs(met, self.region_at)

    def holder(self, lock: Any) -> int:
        """The teammate that holds ``lock`` (an OpenMP lock), + 1; 0 when not known."""
        holder = getattr(lock, "_holder", None)
        if holder is None or holder[0] != os.getpid() or not getattr(lock, "depth", 0):
            return 0
        ident = holder[1] & _MASK
        words = self.words
        for t in range(self.size):
            at = self.record(t)
            if words[at + IDENT] == ident and (words[at + EPOCH] & 1 or self.finished(t)):
                return t + 1
        return 0

    def look(self, stall: Stall, now: float) -> None:
        """Raise TeamDeadlock if the team has stood still since this thread's last
        looks: every thread left the region or waits, and each waiting thread has found
        what it waits for not done at least twice meanwhile (so after the others'
        records were read), while no record changed."""
        size = self.size
        start = self.base + 1
        rows = self.words[start : start + size * RECORD].tolist()
        finished = [bool(self.finished(t)) for t in range(size)]
        checks = rows[CHECKS::RECORD]
        for t in range(size):
            rows[t * RECORD + CHECKS] = 0
        seen = stall.seen
        if seen is None or seen[0] != rows or seen[1] != finished:
            stall.seen = (rows, finished, checks, now)
            return
        waiting = [t for t in range(size) if not finished[t]]
        if any(not rows[t * RECORD + EPOCH] & 1 for t in waiting):
            return  # a thread runs
        if now - seen[3] < STEADY or any(checks[t] < seen[2][t] + 2 for t in waiting):
            return
        message = _stuck(rows, finished, self.region_at)
        if message is not None and self.claim():
            raise TeamDeadlock(message)


class Stall:
    """One wait of one thread: :meth:`tick` after each check that found what it waits
    for not done yet; :meth:`end` when the wait is over.  Once the wait has lasted
    ``LONG_WAIT`` it goes on the board, and the thread looks at its team now and then.

    ``what``: a tuple ``(kind, detail)`` or ``(kind, detail, turn)`` with ``turn()``
    the iteration whose turn it is; or a lock (an OpenMP lock, a critical lock).
    """

    def __init__(self, board: Board, me: Any, what: Any) -> None:
        self.board = board
        self.me = me
        self.what = what
        self.since = time.monotonic()
        self.at = -1  # its record, once it is on the board
        self.turn: Callable[[], int] | None = None
        self.lock: Any = None  # the OpenMP lock waited for (a thread team sees its holder)
        self.next_look = 0.0
        self.seen: tuple[list[int], list[bool], list[int], float] | None = None

    def tick(self) -> None:
        if self.what is None:
            return
        now = time.monotonic()
        at = self.at
        if at < 0:
            if now - self.since < LONG_WAIT:
                return
            at = self._register()
            if at < 0:
                return
        board = self.board
        words = board.words
        if self.turn is not None:
            words[at + DETAIL2] = self.turn() + 1
        elif self.lock is not None and board.direct:
            words[at + DETAIL2] = board.holder(self.lock)
        words[at + CHECKS] += 1
        if now >= self.next_look:
            self.next_look = now + board.look_every
            board.look(self, now)

    def end(self) -> None:
        if self.at >= 0:
            self.board.words[self.at + EPOCH] += 1
            self.at = -1

    def _register(self) -> int:
        me = self.me
        wanted = _wanted(me, self.what)
        if wanted is None:
            self.what = None  # not a wait that teammates alone can end: never on the board
            return -1
        kind, detail = wanted[0], wanted[1]
        if len(wanted) > 2:
            self.turn = wanted[2]
        if kind == LOCK:
            self.lock = _lock(detail)
        board = self.board
        words = board.words
        at = board.record(me.num)
        site, entry = where(sys._getframe(2))
        words[at + KIND] = kind
        words[at + SITE] = site
        words[at + ENTRY] = entry
        words[at + DETAIL] = detail
        words[at + DETAIL2] = 0
        words[at + ITER] = _pending_iteration(me)
        words[at + IDENT] = threading.get_ident() & _MASK
        _write_holds(words, at, me)
        words[at + EPOCH] += 1  # last: a reader sees a whole record, or none
        self.at = at
        return at


class NoStall:
    """What a wait that is never put on the board ticks."""

    def tick(self) -> None:
        pass

    def end(self) -> None:
        pass


NO_STALL = NoStall()


def stall(what: Any) -> Stall | NoStall:
    """The :class:`Stall` of the calling thread's wait for ``what`` (a thread of a
    team with a board), else one that does nothing."""
    if what is None:
        return NO_STALL
    me = state.current()
    board = getattr(me.team, "board", None)
    if board is None:
        return NO_STALL
    return Stall(board, me, what)


def _wanted(me: Any, what: Any) -> tuple[Any, ...] | None:
    """``(kind, detail[, turn])`` of what a thread waits for; None for a lock no
    teammate is known to hold (it may be another team's)."""
    if isinstance(what, tuple):
        return what
    from .locks import OmpLock

    if isinstance(what, OmpLock):
        return (LOCK, id(what) & _MASK)
    arena = getattr(me.team, "arena", None)
    if arena is not None:
        if what is arena.atomic_lock:
            return (CRITICAL, ATOMIC_KEY)
        for index, lock in enumerate(arena.critical_locks):
            if lock is what:
                return (CRITICAL, -(index + 2))
        return None
    from .threads.team import _critical

    if any(lock is what for lock in list(_critical.values())):
        return (CRITICAL, id(what) & _MASK)
    return None


def _critical_key(me: Any, kind: str) -> int | None:
    """The key of the lock of a ``critical``/``atomic`` block ``me`` is inside."""
    arena = getattr(me.team, "arena", None)
    if arena is not None:
        if kind == "atomic":
            return ATOMIC_KEY
        index = arena.critical_names.get(kind[9:-1] if kind.startswith("critical(") else "")
        return None if index is None else -(index + 2)
    from .threads.team import _critical

    lock = _critical.get(kind)
    return None if lock is None else id(lock) & _MASK


def _write_holds(words: Any, at: int, me: Any, leaving: bool = False) -> None:
    """The locks ``me`` holds (the critical and atomic blocks it is in, the OpenMP
    locks it set), as far as room on the board allows."""
    keys = [
        key
        for key in (
            _critical_key(me, kind)
            for kind in me.inside
            if kind.startswith(("critical", "atomic"))
        )
        if key is not None
    ]
    if _locks and (len(_locks) <= MAX_SCANNED_LOCKS or not leaving):
        ident = (os.getpid(), threading.get_ident())
        for key, ref in list(_locks.items()):
            lock = ref()
            if lock is not None and lock.depth > 0 and lock._holder == ident:
                keys.append(key)
    keys = keys[:MAX_HOLDS]
    words[at + NHOLDS] = len(keys)
    for i, key in enumerate(keys):
        words[at + NHOLDS + 1 + i] = key


def _pending_iteration(me: Any) -> int:
    """The ordered iteration whose turn ``me`` has not passed yet, + 1 (0: none)."""
    in_loop = getattr(me, "ordered_base", -1) >= 0 or getattr(me, "ordered_record", None)
    return me.current_iteration + 1 if in_loop and me.ordered_pending else 0


# -- what a stuck team is told ------------------------------------------------------------


def _stuck(rows: list[int], finished: list[bool], region_at: str) -> str | None:
    """The message for a team whose threads all left or wait; None when a waiting
    thread waits for a lock that no thread of the team is known to hold (another
    thread of the program may unset it)."""
    size = len(finished)

    def row(t: int, field: int) -> int:
        return rows[t * RECORD + field]

    def holder(t: int) -> int | None:
        if row(t, DETAIL2):
            return row(t, DETAIL2) - 1
        key = row(t, DETAIL)
        for h in range(size):
            held = rows[h * RECORD + NHOLDS + 1 : h * RECORD + NHOLDS + 1 + row(h, NHOLDS)]
            if key in held:
                return h
        return None

    states: dict[tuple[str, str, str], list[int]] = {}
    advice: list[str] = []
    last_advice: list[str] = []  # the barriers' (a lock or a turn is the likelier cause)
    for t in range(size):
        if finished[t]:
            key = ("has", "have", f" left the region ({region_at})")
        else:
            kind, site = row(t, KIND), site_text(row(t, SITE))
            entry = entry_text(row(t, ENTRY))
            if kind in (LOCK, CRITICAL):
                h = holder(t)
                if h is None:
                    return None
                who = "it" if h == t else f"thread {h}"
                if kind == LOCK:
                    lock = _lock(row(t, DETAIL))
                    made = f" made at {lock.created}" if lock is not None else ""
                    text = f"to set the lock{made} ({entry or 'omp_set_lock'} at {site}), "
                    text += f"which {who} holds"
                else:
                    text = f"to enter {entry or 'a critical section'} at {site}, which {who} is in"
                advice.append(
                    "a thread that leaves the region holding a lock (or inside 'critical') "
                    "never releases it"
                    if finished[h]
                    else "a thread that waits while it holds a lock that a teammate needs "
                    "waits for ever: release the lock before waiting"
                )
                key = ("waits", "wait", f" {text}")
            elif kind == ORDERED:
                turn = row(t, DETAIL2) - 1
                owners = [o for o in range(size) if row(o, ITER) == turn + 1 and not finished[o]]
                whose = f"thread {owners[0]}'s" if owners else "no thread runs it"
                key = (
                    "waits",
                    "wait",
                    f" for its turn at {entry or 'the ordered block'} at {site} (iteration "
                    f"{row(t, DETAIL)}); the turn is at iteration {turn} ({whose})",
                )
                advice.append(
                    "the iterations of an ordered loop take their turns in order: every "
                    "thread must reach the loop, and pass its turn before it waits for a "
                    "teammate"
                )
            elif kind == DOACROSS:
                text = f" at {entry} at {site} for an iteration no thread will finish"
                key = ("waits", "wait", text)
            elif kind == WORKSHARE:
                text = f" to start {entry or 'a work-sharing construct'} at {site}"
                key = ("waits", "wait", text)
            else:
                key = ("waits", "wait", f" at {entry or 'a barrier'} at {site}")
                if kind == BARRIER:
                    last_advice.append(
                        "every thread of a team must reach the same barriers ('# omp "
                        "barrier', and the end of 'for', 'sections' and 'single' without "
                        "nowait) in the same order"
                    )
        states.setdefault(key, []).append(t)
    parts = [
        f"{thread_list(threads)} {one if len(threads) == 1 else many}{rest}"
        for (one, many, rest), threads in states.items()
    ]
    hints = "; ".join(dict.fromkeys(advice + last_advice))
    return (
        f"no thread of the team of {size} can go on: " + "; ".join(parts) + ". "
        + (hints[0].upper() + hints[1:] + ". " if hints else "")
        + "In C this program would hang"
    )
