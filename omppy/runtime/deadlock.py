"""What a thread says when it would wait for ever (docs/runtime-api.md, "Failures").

In C, a barrier that only some threads of a team reach, or a simple lock its owner
sets again, hangs the program.  omppy's threads can see each other's state in the
team's shared memory, so a thread that waits for what no thread can do any more
stops with ``TeamDeadlock``, naming itself, the line where it waits, and why.

Three checks, from the quickest to the most general:

- at once: a simple lock set again by its holder (:func:`lock_held_by_caller`), and
  threads that meet at different barriers (:func:`at_different_barriers`);
- a thread at a barrier that a teammate has left the region without reaching
  (:func:`at_barrier`);
- the team stands still (:class:`Board`): every thread of the team has either left
  the region or waits (a barrier, a lock, ``critical``, an ``ordered`` turn, a
  ``taskwait``...), and every waiting thread keeps finding that what it waits for has
  not happened.  Then nothing can ever happen: only a running thread releases a
  lock, passes a turn or reaches a barrier.

The board costs nothing while waits are short: a thread writes its record only once
it has waited ``LONG_WAIT``, and looks at the others only then.
"""

from __future__ import annotations

import _thread
import os
import sys
import threading
import time
import types
import weakref
import zlib
from collections.abc import Callable
from typing import Any

from . import state
from .errors import OmpError, TeamDeadlock
from .tracebacks import first_user_frame, is_internal


def user_site() -> str:
    """``file:line`` of the innermost frame of the program (not omppy's) that waits."""
    frame = first_user_frame(sys._getframe(1))
    if frame is None:
        return "an unknown place"
    return f"{frame.f_code.co_filename}:{frame.f_lineno}"


# The site of a thread at a barrier of a region that may be cancelled: one that left
# the cancelled region meets the others at their barriers, wherever they are
# (cancel.py), so its barrier matches any.
ANY_SITE = -1

_files: dict[int, str] = {}  # a site's file number -> the file's name


def barrier_site() -> int:
    """Where the calling thread reaches a barrier, as one number (the same in every
    process of a team for the same line of the program): a file number and a line."""
    frame = first_user_frame(sys._getframe(2))
    if frame is None:
        return 0
    return _encode(frame)


def _encode(frame: types.FrameType) -> int:
    name = frame.f_code.co_filename
    number = zlib.crc32(name.encode("utf-8", "surrogatepass")) & 0xFFFFFFF
    _files.setdefault(number, name)
    return number << 24 | (frame.f_lineno & 0xFFFFFF)


def _site_text(site: int) -> str:
    return f"{_file_name(site >> 24)}:{site & 0xFFFFFF}"


def _file_name(number: int) -> str:
    """The file a site's number stands for: one this process met, or one of its modules
    (the thread that wrote the site may be another process)."""
    name = _files.get(number)
    if name is None:
        candidates = [getattr(m, "__file__", None) for m in list(sys.modules.values())]
        for candidate in [*candidates, *sys.argv[:1]]:
            if isinstance(candidate, str):
                code = zlib.crc32(candidate.encode("utf-8", "surrogatepass")) & 0xFFFFFFF
                _files.setdefault(code, candidate)
        name = _files.get(number, "another file")
    return name


def at_different_barriers(sites: list[int]) -> TeamDeadlock:
    at: dict[int, list[int]] = {}
    for thread, site in enumerate(sites):
        if site != ANY_SITE:
            at.setdefault(site, []).append(thread)
    places = "; ".join(
        f"{_threads(threads)} at {_site_text(site)}" for site, threads in at.items()
    )
    return TeamDeadlock(
        f"the threads of a team of {len(sites)} wait at different barriers ({places}): "
        "each would release the others from a barrier they have not reached. Every "
        "thread of a team must reach the same barriers ('# omp barrier', and the end of "
        "'# omp for', 'sections' and 'single' without nowait) in the same order: one "
        "inside 'if omp_get_thread_num() == ...', or in a loop whose rounds differ "
        "between threads, hangs an OpenMP program in C"
    )


def _threads(numbers: list[int]) -> str:
    named = [str(n) for n in numbers]
    if len(named) == 1:
        return f"thread {named[0]}"
    return "threads " + ", ".join(named[:-1]) + " and " + named[-1]


def at_barrier(finished: list[int], size: int) -> TeamDeadlock:
    me = state.current().num
    who = _threads(finished)
    verb = "has" if len(finished) == 1 else "have"
    return TeamDeadlock(
        f"thread {me} of a team of {size} waits at a barrier ({user_site()}) that {who} "
        f"will never reach: {who} {verb} finished {'its' if len(finished) == 1 else 'their'} "
        "part of the region. Every thread of a team must reach each barrier ('# omp "
        "barrier', and the end of '# omp for', 'sections' and 'single' without nowait) "
        "in the same order, or none may: a barrier or work-sharing construct inside "
        "'if omp_get_thread_num() == ...', or inside a loop whose trip count differs "
        "between threads, hangs an OpenMP program in C"
    )


def lock_held_by_caller(created: str) -> TeamDeadlock:
    return TeamDeadlock(
        f"thread {state.current().num} sets a lock it already holds ({user_site()}; the "
        f"lock was made at {created}): a "
        "simple lock waits until it is unset, and only its holder can unset it, so "
        "this would wait for ever. Unset it first (omp_unset_lock), or use a nestable "
        "lock (omp_init_nest_lock) if the same thread may set it again"
    )


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
SITE = 2  # the program's line where it waits (file number and line, as barrier_site)
ENTRY = 3  # which of omppy's calls it waits in (_ENTRIES), for the message
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

# omppy's calls a thread waits in, by (module file, function): what the program
# sees there.
_ENTRIES: dict[tuple[str, str], str] = {
    ("thread.py", "barrier_refresh"): "the barrier",
    ("thread.py", "barrier"): "the barrier",
    ("context.py", "barrier_refresh"): "the barrier",
    ("context.py", "barrier"): "the barrier",
    ("sync.py", "end"): "the barrier that ends a 'single'",
    ("workshare.py", "end"): "the barrier that ends a 'for' or 'sections'",
    ("workshare.py", "iteration_space"): "the barrier that hands out a loop's items",
    ("thread.py", "critical"): "'critical'",
    ("context.py", "critical"): "'critical'",
    ("thread.py", "atomic"): "'atomic'",
    ("context.py", "atomic"): "'atomic'",
    ("locks.py", "omp_set_lock"): "omp_set_lock",
    ("locks.py", "omp_set_nest_lock"): "omp_set_nest_lock",
    ("locks.py", "__enter__"): "'with lock'",
    ("locks.py", "acquire"): "lock.acquire()",
    ("thread.py", "ordered"): "the ordered block",
    ("context.py", "ordered"): "the ordered block",
    ("thread.py", "_ordered_loop"): "the end of an iteration of the ordered loop",
    ("context.py", "_ordered_loop"): "the end of an iteration of the ordered loop",
    ("thread.py", "single"): "a 'single'",
    ("thread.py", "_shared_counter_loop"): "a work-sharing loop",
    ("tasks.py", "taskwait"): "'taskwait'",
    ("taskgroups.py", "end"): "the end of a 'taskgroup'",
    ("tasks.py", "run"): "the end of the region (waiting for the team's tasks)",
    ("tasks.py", "barrier"): "a barrier (waiting for the team's tasks)",
    ("thread.py", "doacross_wait"): "'ordered depend(sink: ...)'",
}
_ENTRY_CODES = {key: code for code, key in enumerate(_ENTRIES, 1)}
_ENTRY_TEXTS = ["", *_ENTRIES.values()]

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

    def leave(self, me: Any) -> None:
        """``me`` (the calling thread) has finished its part of the region: what it
        still holds, nobody will release.  On a thread team a waiter sees a lock's
        holder: only the thread's identity is written."""
        at = self.record(me.num)
        words = self.words
        words[at + IDENT] = threading.get_ident() & _MASK
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
        site, entry = _where(sys._getframe(2))
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


def _where(frame: types.FrameType | None) -> tuple[int, int]:
    """The program's line a thread waits at, and the omppy call it waits in."""
    code = 0
    while frame is not None and is_internal(frame.f_code):
        # The known call nearest the program's frame says what the program reached.
        name = os.path.basename(frame.f_code.co_filename)
        code = _ENTRY_CODES.get((name, frame.f_code.co_name), code)
        frame = frame.f_back
    return (_encode(frame) if frame is not None else 0), code


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
            kind, site = row(t, KIND), _site_text(row(t, SITE))
            entry = _ENTRY_TEXTS[row(t, ENTRY)] if row(t, ENTRY) < len(_ENTRY_TEXTS) else ""
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
        f"{_threads(threads)} {one if len(threads) == 1 else many}{rest}"
        for (one, many, rest), threads in states.items()
    ]
    hints = "; ".join(dict.fromkeys(advice + last_advice))
    return (
        f"no thread of the team of {size} can go on: " + "; ".join(parts) + ". "
        + (hints[0].upper() + hints[1:] + ". " if hints else "")
        + "In C this program would hang"
    )


def different_constructs(met: dict[tuple[int, int], list[int]], region_at: str) -> OmpError:
    counts = "; ".join(
        f"{_threads(threads)} met {loops + others}" for (loops, others), threads in met.items()
    )
    return OmpError(
        f"the threads of the region at {region_at} met different numbers of work-sharing "
        f"constructs ('for', 'sections', 'single'): {counts}. Every thread of a team must "
        "meet the same work-sharing constructs in the same order: one inside 'if "
        "omp_get_thread_num() == ...', or in a loop whose rounds differ between threads, "
        "shares out its work among the threads that meet it only (with 'nowait', nothing "
        "waits for the others, and part of the work is not done)"
    )
