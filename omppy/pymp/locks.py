"""Locks shared by forked processes that the kernel releases when their holder dies.

Every lock is one byte of a *lock table*: an anonymous file (``memfd``, or an unlinked
temporary file where there is none) locked with POSIX record locks (``fcntl``).  A
lock made before a fork is shared by the processes forked after it, like pymp's
``multiprocessing`` locks; unlike them, a worker that is killed while it holds one
does not leave the others waiting forever: the kernel drops a process's record locks
when it exits, however it exits.  That is what lets ``shared.list``, ``dict`` and
``queue`` promise "never a hang".

POSIX record locks belong to a process, not to a thread, so each lock also has a
``threading.Lock`` that the threads of one process take first.  And they are dropped
when the process closes *any* descriptor of the file: the table's descriptor and its
mapping are never closed.
"""

from __future__ import annotations

import errno
import fcntl
import mmap
import os
import struct
import tempfile
import threading
import time
from typing import Any

_COUNTER = struct.Struct("<q")
_FIRST_LOCK = mmap.PAGESIZE  # byte 0 guards the counter; locks start on the next page


def anonymous_file(name: str) -> int:
    """A descriptor of a new file with no name: gone with its last descriptor and map."""
    if hasattr(os, "memfd_create"):
        return os.memfd_create(f"omppy-pymp-{name}")
    handle, path = tempfile.mkstemp(prefix="omppy-pymp-")
    os.unlink(path)
    return handle


class _LockTable:
    """The file whose bytes are the locks, and a shared counter that hands them out."""

    def __init__(self) -> None:
        self.fd = anonymous_file("locks")
        os.ftruncate(self.fd, mmap.PAGESIZE)
        self.counter = mmap.mmap(self.fd, mmap.PAGESIZE)  # never closed (see above)

    def allocate(self) -> int:
        """A byte offset no other lock of this table uses, in any process."""
        fcntl.lockf(self.fd, fcntl.LOCK_EX, 1, 0)
        try:
            (count,) = _COUNTER.unpack_from(self.counter, 0)
            _COUNTER.pack_into(self.counter, 0, count + 1)
        finally:
            fcntl.lockf(self.fd, fcntl.LOCK_UN, 1, 0)
        return _FIRST_LOCK + count


_table: _LockTable | None = None


def _lock_table() -> _LockTable:
    global _table
    if _table is None:
        _table = _LockTable()
    return _table


class ProcessMutex:
    """A plain mutual-exclusion lock for omppy.pymp's own shared structures.

    ``with mutex:`` only: no ownership checks, so it costs two system calls.
    """

    __slots__ = ("_fd", "_local", "_offset", "_pid")

    def __init__(self) -> None:
        table = _lock_table()
        self._fd = table.fd
        self._offset = table.allocate()
        self._pid = os.getpid()
        self._local = threading.Lock()

    def __enter__(self) -> None:
        if self._pid != os.getpid():
            self._forked()
        self._local.acquire()
        try:
            _lock_blocking(self._fd, self._offset)
        except BaseException:
            self._local.release()
            raise

    def __exit__(self, *exc: object) -> None:
        fcntl.lockf(self._fd, fcntl.LOCK_UN, 1, self._offset)
        self._local.release()

    def _forked(self) -> None:
        # A thread of the parent may have held the thread lock when it forked.
        self._pid = os.getpid()
        self._local = threading.Lock()

    def __reduce__(self) -> Any:
        raise TypeError("omppy.pymp locks are shared with forked processes only")


def _lock_blocking(fd: int, offset: int) -> None:
    try:
        fcntl.lockf(fd, fcntl.LOCK_EX, 1, offset)
    except OSError as error:
        if error.errno == errno.EDEADLK:
            raise RuntimeError(
                "deadlock: this process waits for a lock held by a process that waits for "
                "a lock this process holds; take locks in the same order everywhere"
            ) from None
        raise


def _try_lock(fd: int, offset: int) -> bool:
    try:
        fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB, 1, offset)
        return True
    except OSError as error:
        if error.errno in (errno.EACCES, errno.EAGAIN):
            return False
        raise


class Lock:
    """``pymp.shared.lock()``: ``acquire(block=True, timeout=None)``, ``release()``,
    and ``with lock:``, like ``multiprocessing.Lock``.

    Acquiring a lock that the same thread already holds would wait forever; it raises
    ``RuntimeError`` instead (use :class:`RLock` to re-enter).
    """

    recursive = False

    def __init__(self) -> None:
        table = _lock_table()
        self._fd = table.fd
        self._offset = table.allocate()
        self._pid = os.getpid()
        self._local = threading.Lock()
        self._owner: int | None = None  # the thread of this process that holds it
        self._depth = 0

    def acquire(self, block: bool = True, timeout: float | None = None) -> bool:
        if self._pid != os.getpid():
            self._forked()
        me = threading.get_ident()
        if self._owner == me:
            if self.recursive:
                self._depth += 1
                return True
            raise RuntimeError(
                "this thread already holds the lock: acquiring it again would wait "
                "forever (use pymp.shared.rlock() for a lock that may be re-entered)"
            )
        if not block:
            timeout = 0.0
        deadline = None if timeout is None else time.monotonic() + max(timeout, 0.0)
        if not self._local.acquire(timeout=-1 if timeout is None else max(timeout, 0.0)):
            return False
        try:
            if deadline is None:
                _lock_blocking(self._fd, self._offset)
            elif not self._poll(deadline):
                self._local.release()
                return False
        except BaseException:
            self._local.release()
            raise
        self._owner = me
        self._depth = 1
        return True

    def _poll(self, deadline: float) -> bool:
        delay = 1e-5
        while not _try_lock(self._fd, self._offset):
            left = deadline - time.monotonic()
            if left <= 0:
                return False
            time.sleep(min(delay, left))
            delay = min(delay * 2, 0.005)
        return True

    def release(self) -> None:
        if self._pid != os.getpid() or self._owner != threading.get_ident():
            raise RuntimeError("cannot release a lock this thread does not hold")
        self._depth -= 1
        if self._depth:
            return
        self._owner = None
        fcntl.lockf(self._fd, fcntl.LOCK_UN, 1, self._offset)
        self._local.release()

    def _forked(self) -> None:
        # Record locks are not inherited: a child holds none of its parent's.
        self._pid = os.getpid()
        self._local = threading.Lock()
        self._owner = None
        self._depth = 0

    def __enter__(self) -> bool:
        return self.acquire()

    def __exit__(self, *exc: object) -> None:
        self.release()

    def __reduce__(self) -> Any:
        raise TypeError("omppy.pymp locks are shared with forked processes only")

    def __repr__(self) -> str:
        held = self._owner is not None and self._pid == os.getpid()
        return f"<{type(self).__name__} {'held' if held else 'free'} here>"


class RLock(Lock):
    """``pymp.shared.rlock()``: its holder may acquire it again; free after as many
    releases."""

    recursive = True
