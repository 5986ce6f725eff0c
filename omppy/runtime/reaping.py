"""Reaping a team's workers off the region's critical path.

A worker's report is the last thing it does before ``os._exit`` (worker.py): once
the master holds a worker's whole report, the worker can only exit.  Its exit (the
kernel tearing down its copy of the master's address space) takes a millisecond or
more, which the region need not wait for: the master carries on with the report,
and the worker's pid is kept here and reaped (``waitpid``) later, at the latest

- once this process has forked its next team (``reap_all`` in forkjoin.py and
  pymp/team.py: the exit overlaps the new team's start, which waits for its workers
  anyway), or before a fork the kernel refused for want of processes (forking.py),
- after a notebook cell (omppy.jupyter), and
- at exit (``atexit``), and before a worker that started a nested team exits,

so at most the last region's workers wait as zombies, and none is left at exit.  A
worker whose report is incomplete (it died) is never deferred: its exit status is
what the error reports, and the master waits for it at once.

The same goes for the region's large shared mappings (a reduction's slots, staged
arrays): the process that unmaps the last mapping of shared memory frees its pages,
about 1 us a 4 KiB page (45-57 ms for a 200 MB slot), and nothing needs that done
before the master continues.  ``release_later`` drops their last references in a
short-lived thread of the master (``mmap`` unmaps with the GIL released), which the
master waits for before its next region looks at the program's data (a finalizer
runs before, as it would have), before any ``fork`` (a child must inherit no thread)
and at exit.  It is a native thread, not a ``threading.Thread``:
the program's ``threading.enumerate()`` and ``active_count()`` do not see it.
"""

from __future__ import annotations

import _thread
import atexit
import os
import sys
import time
from typing import Any

# Pids of this process's finished workers, not reaped yet.
_pending: list[int] = []


def later(pid: int) -> None:
    """Reap worker ``pid`` later: its report is complete, it is exiting."""
    _pending.append(pid)


def pending() -> bool:
    """Whether some finished worker is not reaped yet."""
    return bool(_pending)


def reap_all() -> None:
    """Wait for every pending worker to exit, and reap it."""
    while _pending:
        pid = _pending[0]
        try:
            os.waitpid(pid, 0)
        except ChildProcessError:
            pass  # reaped elsewhere (a program's own os.wait())
        _pending.pop(0)


# Less than this is unmapped where its last reference goes.  Unmapping costs about
# 0.2 ms a MB here; starting the thread ~0.1 ms, which is all a region started right
# after this one gains nothing from (it waits for the thread): 2% of 32 MB's unmap.
RELEASE_APART_BYTES = 32 << 20

# The release running now: the lock its thread releases when done, and the thread's
# native id (None until it has started).
_releasing: list[Any] = []


def release_later(objects: list[Any]) -> None:
    """Drop the references in ``objects`` (a list this module takes over and empties)
    in a short-lived thread, when they hold ``RELEASE_APART_BYTES`` or more; else now.

    Only the frees move: an object something else still refers to lives on, and its
    memory is unmapped wherever its last reference goes, as before.
    """
    size = sum(getattr(value, "nbytes", 0) for value in objects)
    if size < RELEASE_APART_BYTES or not _other_cpu():
        objects.clear()
        return
    wait_for_releases()  # one at a time
    done = _thread.allocate_lock()
    done.acquire()
    record: list[Any] = [done, None]

    def release() -> None:
        record[1] = _thread.get_native_id()
        try:
            objects.clear()
        finally:
            done.release()

    try:
        _thread.start_new_thread(release, ())
    except RuntimeError:  # no thread to be had: free them here
        done.release()
        objects.clear()
        return
    _releasing.append(record)


def _other_cpu() -> bool:
    """Whether this process may run on a second CPU (else a thread gains nothing)."""
    if sys.platform != "linux":
        return False
    try:
        return len(os.sched_getaffinity(0)) > 1
    except OSError:
        return False


def wait_for_releases() -> None:
    """Wait until the thread of ``release_later`` (if any) is done and gone."""
    while _releasing:
        done = _releasing[0][0]
        done.acquire()
        done.release()
        native = _releasing[0][1]
        # Its lock is released just before the thread ends: wait for the thread
        # itself, so that a fork right now counts no other thread (CPython 3.12+
        # warns about forking a multi-threaded process).
        if native is not None:
            task = f"/proc/self/task/{native}"
            for _ in range(1000):
                if not os.path.exists(task):
                    break
                time.sleep(0.00005)
        _releasing.pop(0)


def _forget_in_child() -> None:
    # A forked process's pending pids are its parent's children, not its own.
    _pending.clear()
    _releasing.clear()  # waited for before the fork: only a record could be left


if hasattr(os, "register_at_fork"):
    os.register_at_fork(before=wait_for_releases, after_in_child=_forget_in_child)
atexit.register(reap_all)
atexit.register(wait_for_releases)
