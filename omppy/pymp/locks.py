"""Locks shared by forked processes that are never left held by a dead process.

Each lock is a POSIX mutex (``pthread_mutex_t``, reached through ctypes) in a shared
*mutex table*: an anonymous ``MAP_SHARED`` mapping, so a lock made before a fork is
shared by the processes forked after it, like pymp's ``multiprocessing`` locks.  The
mutexes are process-shared and *robust*: when a process dies holding one (a signal,
``os._exit``), the kernel hands it to the next thread that asks, with ``EOWNERDEAD``,
instead of leaving everyone waiting forever.  That is what lets ``shared.list``,
``dict`` and ``queue`` keep working after a worker was killed.  Taking a free mutex
is an atomic instruction in user space; a wait yields the CPU a few times, then
sleeps in the kernel in slices of 0.1 s, so that Ctrl-C and failures of the team
(``waiting.check_teams``) get through.

Where robust mutexes do not exist (macOS), the mutexes are only process-shared: a
wait then still ends when a thread of the team dies, not later.

The table is never unmapped (the mutexes' addresses must stay valid); a slot is never
reused, so a program can make about half a million locks and shared objects per
table, and a new table is mapped when one fills.
"""

from __future__ import annotations

import ctypes
import errno
import mmap
import os
import struct
import time
from typing import Any

from ..runtime.limits import MAP_NORESERVE

SLOT = 128  # bytes per mutex: more than any pthread_mutex_t, a cache line apart
TABLE_BYTES = 1 << 26
_COUNTER = struct.Struct("<q")
_FIRST_SLOT = mmap.PAGESIZE  # the first page: the counter, and the table's own mutex
_TABLE_MUTEX = 64

_NORMAL, _RECURSIVE, _ERRORCHECK = 0, 1, 2  # PTHREAD_MUTEX_* types (Linux and macOS)
_PROCESS_SHARED = 1
_WAIT_SLICE = 0.1
_SPINS = 20


class _Timespec(ctypes.Structure):
    _fields_ = [("tv_sec", ctypes.c_long), ("tv_nsec", ctypes.c_long)]


def _libc() -> Any:
    libc = ctypes.CDLL(None, use_errno=True)
    for name in ("pthread_mutex_lock", "pthread_mutex_trylock", "pthread_mutex_unlock"):
        getattr(libc, name).argtypes = [ctypes.c_void_p]
    libc.pthread_mutex_init.argtypes = [ctypes.c_void_p, ctypes.c_void_p]
    return libc


_c = _libc()
_trylock = _c.pthread_mutex_trylock
_unlock = _c.pthread_mutex_unlock
_timedlock = getattr(_c, "pthread_mutex_timedlock", None)
if _timedlock is not None:
    _timedlock.argtypes = [ctypes.c_void_p, ctypes.POINTER(_Timespec)]
_consistent = getattr(_c, "pthread_mutex_consistent", None)
if _consistent is not None:
    _consistent.argtypes = [ctypes.c_void_p]


def _attributes(kind: int) -> Any:
    attr = ctypes.create_string_buffer(64)  # pthread_mutexattr_t is 4 to 16 bytes
    _c.pthread_mutexattr_init(attr)
    _c.pthread_mutexattr_setpshared(attr, _PROCESS_SHARED)
    _c.pthread_mutexattr_settype(attr, kind)
    setrobust = getattr(_c, "pthread_mutexattr_setrobust", None)
    if setrobust is not None:
        setrobust(attr, 1)
    return attr


_ATTRIBUTES = {kind: _attributes(kind) for kind in (_NORMAL, _RECURSIVE, _ERRORCHECK)}
ROBUST = hasattr(_c, "pthread_mutexattr_setrobust") and _consistent is not None


class _MutexTable:
    """A shared mapping of mutex slots and the shared counter that hands them out."""

    def __init__(self) -> None:
        self.memory = mmap.mmap(-1, TABLE_BYTES, flags=mmap.MAP_SHARED | MAP_NORESERVE)
        self.base = ctypes.addressof(ctypes.c_char.from_buffer(self.memory))
        self.mutex = self.base + _TABLE_MUTEX
        _init(self.mutex, _NORMAL)

    def allocate(self, kind: int) -> int | None:
        """The address of a new mutex of ``kind``, or None when the table is full."""
        _acquire(self.mutex)
        try:
            (count,) = _COUNTER.unpack_from(self.memory, 0)
            offset = _FIRST_SLOT + count * SLOT
            if offset + SLOT > TABLE_BYTES:
                return None
            _COUNTER.pack_into(self.memory, 0, count + 1)
        finally:
            _unlock(self.mutex)
        address = self.base + offset
        _init(address, kind)
        return address


def _init(address: int, kind: int) -> None:
    result = _c.pthread_mutex_init(address, _ATTRIBUTES[kind])
    if result:
        raise OSError(result, f"pthread_mutex_init: {os.strerror(result)}")


_table: _MutexTable | None = None


def _new_mutex(kind: int) -> int:
    global _table
    if _table is None:
        _table = _MutexTable()
    address = _table.allocate(kind)
    if address is None:  # full: a new table (shared with later forks, as any lock)
        _table = _MutexTable()
        address = _table.allocate(kind)
        assert address is not None
    return address


def _acquire(address: int, timeout: float | None = None, result: int | None = None) -> bool:
    """Take the mutex at ``address``; False if ``timeout`` seconds passed first.

    ``result`` is what a ``trylock`` the caller already made returned.
    """
    if result is None:
        result = _trylock(address)
    if result == errno.EBUSY:
        result = _wait(address, timeout)
    if result == 0:
        return True
    if result == errno.EOWNERDEAD and _consistent is not None:
        # Its holder died: the kernel gave it to this thread.  The team that lost the
        # holder reports it; what the lock guards is used as the holder left it.
        _consistent(address)
        return True
    if result == errno.ETIMEDOUT:
        return False
    if result == errno.EDEADLK:
        raise RuntimeError(
            "this thread already holds the lock: acquiring it again would wait forever "
            "(use pymp.shared.rlock() for a lock that may be re-entered)"
        )
    raise OSError(result, f"pthread_mutex_lock: {os.strerror(result)}")


def _wait(address: int, timeout: float | None) -> int:
    """Wait for a busy mutex: a few yields first (holders keep it for microseconds),
    then sleeps in the kernel in slices, checking the teams between them."""
    from .waiting import check_teams

    deadline = None if timeout is None else time.monotonic() + timeout
    for _ in range(_SPINS):
        os.sched_yield()
        result = _trylock(address)
        if result != errno.EBUSY:
            return int(result)
    delay = 1e-5
    while True:
        left = _WAIT_SLICE if deadline is None else min(deadline - time.monotonic(), _WAIT_SLICE)
        if left <= 0:
            return errno.ETIMEDOUT
        if _timedlock is not None:
            until = time.time() + left
            result = _timedlock(address, _Timespec(int(until), int(until % 1 * 1e9)))
        else:  # pragma: no cover - no pthread_mutex_timedlock (macOS): poll
            time.sleep(min(delay, left))
            delay = min(delay * 2, 0.005)
            result = _trylock(address)
            result = errno.ETIMEDOUT if result == errno.EBUSY else result
        if result != errno.ETIMEDOUT:
            return int(result)
        check_teams()


class ProcessMutex:
    """A plain lock for omppy.pymp's own shared structures: ``with mutex:`` only."""

    __slots__ = ("_address",)

    def __init__(self) -> None:
        self._address = _new_mutex(_NORMAL)

    def __enter__(self) -> None:
        result = _trylock(self._address)
        if result:
            _acquire(self._address, None, result)

    def __exit__(self, *exc: object) -> None:
        _unlock(self._address)

    def __reduce__(self) -> Any:
        raise TypeError("omppy.pymp locks are shared with forked processes only")


class Lock:
    """``pymp.shared.lock()``: ``acquire(block=True, timeout=None)``, ``release()``,
    and ``with lock:``, like ``multiprocessing.Lock``.

    Acquiring a lock the same thread already holds would wait forever: it raises
    ``RuntimeError`` instead, or returns False with a timeout (use :class:`RLock` to
    re-enter).  Releasing a lock this
    thread does not hold raises ``RuntimeError``.
    """

    _kind = _ERRORCHECK

    def __init__(self) -> None:
        self._address = _new_mutex(self._kind)

    @classmethod
    def at(cls, address: int) -> Lock:
        """The lock whose mutex is at ``address`` (from :func:`new_lock_address`)."""
        lock = cls.__new__(cls)
        lock._address = address
        return lock

    def acquire(self, block: bool = True, timeout: float | None = None) -> bool:
        if not block:
            timeout = 0.0
        result = _trylock(self._address)
        if result == 0:
            return True
        if timeout is not None and (
            result == errno.EDEADLK or (timeout <= 0 and result == errno.EBUSY)
        ):
            return False  # held by this thread: it would never be free in time
        return _acquire(self._address, timeout, result)

    def release(self) -> None:
        result = _unlock(self._address)
        if result:
            raise RuntimeError("cannot release a lock this thread does not hold")

    def __enter__(self) -> bool:
        return self.acquire()

    def __exit__(self, *exc: object) -> None:
        self.release()

    def __reduce__(self) -> Any:
        raise TypeError("omppy.pymp locks are shared with forked processes only")

    def __repr__(self) -> str:
        return f"<pymp shared {type(self).__name__.lower()} at {self._address:#x}>"


def new_lock_address() -> int:
    """A fresh mutex for :meth:`Lock.at` (a team's ``p.lock``, pooled by its Block)."""
    return _new_mutex(Lock._kind)


def renew_lock(address: int) -> None:
    """Make the mutex at ``address`` a new, free one (a pooled ``p.lock`` for the next
    team: whatever the last team left it in, held or owned by a dead process)."""
    _init(address, Lock._kind)


class RLock(Lock):
    """``pymp.shared.rlock()``: its holder may acquire it again; free after as many
    releases."""

    _kind = _RECURSIVE
