"""OpenMP locks that work across the whole team (docs/runtime-api.md, "Locks").

A lock is a process-shared semaphore (``multiprocessing``'s fork context), so a lock
created before a region is shared by every thread the region forks.  Create locks
before the parallel region that uses them, as in OpenMP.  Locks are also context
managers: ``with lock: ...``.

Setting and unsetting a lock are flushes, as in OpenMP: in a team, setting applies
what other threads published, and unsetting publishes what this thread changed (as
entering and leaving a ``critical`` do, ``sync.py``), so changes made under a lock
reach the next thread that sets it.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from typing import Any

from . import deadlock, state
from .where import HERE

_CTX = multiprocessing.get_context("fork") if hasattr(os, "fork") else multiprocessing


def _me() -> tuple[int, int]:
    return os.getpid(), threading.get_ident()


class OmpLock:
    """A simple lock: ``omp_set_lock`` by its owner twice deadlocks, as in OpenMP."""

    recursive = False

    def __init__(self) -> None:
        self._lock: Any = _CTX.RLock() if self.recursive else _CTX.Lock()
        self.depth = 0
        # Who holds it, as far as this process knows (a process of a team is one
        # OpenMP thread; Python threads of the program are told apart too).
        self._holder: tuple[int, int] | None = None
        self.created = deadlock.user_site()  # named when it is set twice
        deadlock.lock_made(self)  # a thread that waits long finds what it holds

    def acquire(self) -> None:
        if not self.recursive and self._holder == _me() and self.depth > 0:
            raise deadlock.lock_held_by_caller(self.created)
        me = state.current()
        me.wait(self._lock, self)
        self.depth += 1
        self._holder = _me()
        if self.depth == 1:
            self._catch_up(me)

    def try_acquire(self) -> bool:
        if self._lock.acquire(False):
            self.depth += 1
            self._holder = _me()
            if self.depth == 1:
                self._catch_up(state.current())
            return True
        return False

    def release(self) -> None:
        try:
            if self.depth == 1:
                # Unsetting a lock is a flush: what this thread changed while it
                # held it (``bucket.append(k)``) is published, as leaving a critical
                # publishes, and the next thread to set it applies it first.
                me = state.current()
                coherence = me.coherence
                if coherence is not None:
                    coherence.publish("lock", {}, None)
                    files = getattr(me.team, "files", None)
                    if files is not None:  # written and read files (files.py)
                        if (files.readers or files.compressed) and not me.inside:
                            files.leave(me.num, "omp_set_lock")
                        else:
                            files.flush()
        finally:
            self.depth -= 1
            if self.depth <= 0:
                self._holder = None
            self._lock.release()

    def _catch_up(self, me: Any) -> None:
        """Setting a lock is a flush: apply what other threads published first."""
        coherence = me.coherence
        if coherence is None:
            return
        try:
            coherence.catch_up(HERE)
            files = getattr(me.team, "files", None)
            if files is not None and files.readers and not me.inside:
                files.enter()  # files read: the shared offset (files.py)
        except BaseException:
            self.depth -= 1
            self._holder = None
            self._lock.release()
            raise

    def __enter__(self) -> OmpLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


class OmpNestLock(OmpLock):
    """A nestable lock: its owner may set it again; it is free after as many unsets."""

    recursive = True


def omp_init_lock() -> OmpLock:
    return OmpLock()


def omp_init_nest_lock() -> OmpNestLock:
    return OmpNestLock()


def omp_set_lock(lock: OmpLock) -> None:
    lock.acquire()


def omp_set_nest_lock(lock: OmpNestLock) -> None:
    lock.acquire()


def omp_unset_lock(lock: OmpLock) -> None:
    lock.release()


def omp_unset_nest_lock(lock: OmpNestLock) -> None:
    lock.release()


def omp_test_lock(lock: OmpLock) -> bool:
    """Set the lock if it is free; True when it was set."""
    return lock.try_acquire()


def omp_test_nest_lock(lock: OmpNestLock) -> int:
    """Set the nestable lock if free or owned; the new nesting count, or 0."""
    return lock.depth if lock.try_acquire() else 0


def omp_destroy_lock(lock: OmpLock) -> None:
    """Locks are freed with their last reference; accepted for OpenMP compatibility."""


def omp_destroy_nest_lock(lock: OmpNestLock) -> None:
    """As :func:`omp_destroy_lock`."""
