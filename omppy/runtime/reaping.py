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
"""

from __future__ import annotations

import atexit
import os

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


def _forget_in_child() -> None:
    # A forked process's pending pids are its parent's children, not its own.
    _pending.clear()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forget_in_child)
atexit.register(reap_all)
