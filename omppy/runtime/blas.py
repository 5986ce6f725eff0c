"""Native thread pools (BLAS, OpenMP runtimes) inside a team: one thread each.

A team already runs one process per core.  numpy's OpenBLAS (or MKL, or an OpenMP
runtime an extension loads) would start its own pool of threads in every one of
them: ``np.dot`` in a loop on a team of 8 would run 64 threads on 8 cores.  As in
OpenMP with nesting inactive, each thread of a team gets pools of one thread: the
master sets it just before it forks the workers, which inherit it (and never
restore it: they exit), and restores its settings after its own part of the region
(:func:`limit_before_fork` says why not after the fork).  A pool of one thread
also keeps a forked worker from using a pool its parent started, which GNU libgomp
does not survive.

threadpoolctl finds and sets the pools (docs/dependencies.md says why it is a
dependency).  It is imported, and the loaded libraries inspected (a few ms), only
once a module that loads such a library has been imported; the inspection is
redone when modules were imported since.  A program without them pays a length
comparison per region.
"""

from __future__ import annotations

import os
import sys
from typing import Any

# Modules whose import loads a BLAS or an OpenMP runtime.  scipy, scikit-learn and
# most of the scientific stack import numpy; torch brings its own libgomp/MKL.
USERS = ("numpy", "torch")

_controller: Any = None  # a threadpoolctl.ThreadpoolController, when there are pools
_modules_seen = -1  # len(sys.modules) when _controller was made
# (pid, limiter) of the pools set by limit_before_fork in that process, until restored.
_held: tuple[int, Any] | None = None


def prepare() -> None:
    """In the master, before it forks: find the pools its workers will limit."""
    global _controller, _modules_seen
    if len(sys.modules) == _modules_seen:
        return
    _modules_seen = len(sys.modules)
    _controller = None
    if not any(name in sys.modules for name in USERS):
        return
    try:
        from threadpoolctl import ThreadpoolController

        controller = ThreadpoolController()
    except Exception:  # no threadpoolctl, or a library it cannot query: no limit
        return
    if controller.lib_controllers:
        _controller = controller


def pools() -> list[Any]:
    """The pools :func:`prepare` found (threadpoolctl's per-library controllers)."""
    return list(_controller.lib_controllers) if _controller is not None else []


def limit() -> Any:
    """Set every pool to one thread; returns what :func:`restore` needs (or None).
    In the master of a team whose pools :func:`limit_before_fork` set: that limiter."""
    if _held is not None and _held[0] == os.getpid():
        return _held[1]
    if _controller is None:
        return None
    try:
        return _controller.limit(limits=1)
    except Exception:
        return None


def limit_before_fork() -> None:
    """In the master, just before it forks a team's first worker: the pools set to
    one thread now, so that the workers inherit the setting (:func:`forked`) and the
    master's part of the region finds it (:func:`limit`).

    Set after the fork instead, in every process, OpenBLAS (whose threads ``fork``
    stops, by its own ``pthread_atfork`` handler) started a new thread in each, even
    to set one: a thread that spins for about 0.1 s waiting for work, on the cores
    the team's processes run on (a recursive Fibonacci of 80 ms took 71 ms on a team
    of two instead of 47).  Set here, the thread the setting starts is stopped by the
    fork itself."""
    global _held
    if _controller is not None and (_held is None or _held[0] != os.getpid()):
        _held = (os.getpid(), limit())


def forked() -> None:
    """In a worker, after the fork: its pools are of one thread already (set by
    :func:`limit_before_fork` in the master, inherited); a team it starts limits its
    own."""
    global _held
    _held = None


def release() -> None:
    """A team that could not start: what :func:`limit_before_fork` set is undone."""
    if _held is not None and _held[0] == os.getpid():
        restore(_held[1])


def restore(limiter: Any) -> None:
    """Give the pools back the sizes they had before :func:`limit`."""
    global _held
    if _held is not None and _held[0] == os.getpid() and _held[1] is limiter:
        _held = None
    if limiter is not None:
        try:
            limiter.restore_original_limits()
        except Exception:
            pass
