"""The ``fork`` that starts a worker, and what omppy says (and hides) around it.

``fork`` copies only the calling thread.  A lock that another thread of the program
holds at that moment (in ``logging``, a buffered file, a library's internals) stays
held for ever in the worker, which then hangs when it takes it.  So:

- a program that runs other Python threads when it starts a team gets one
  ``RuntimeWarning`` per process, pointing at the region's line;
- CPython 3.12+'s own ``DeprecationWarning`` about ``fork`` in a multi-threaded
  process is suppressed inside this call: it would name omppy's line, not the
  user's, and it also counts the threads of native libraries (OpenBLAS starts its
  pool when numpy is imported), which handle ``fork`` themselves;
- a refused ``fork`` (process limit, memory) is a ``ResourceLimit`` naming the limit.

The master also prepares here what its workers inherit: the native thread pools they
limit (``blas.py``).
"""

from __future__ import annotations

import errno
import os
import re
import sys
import threading
import warnings
from collections.abc import Callable

from . import blas, limits, reaping
from .tracebacks import is_internal

# CPython 3.12+'s message (Modules/posixmodule.c, warn_about_fork_with_threads).
_CPYTHON_FORK_WARNING = re.compile(r"This process \(pid=\d+\) is multi-threaded, use of fork\(\)")
_SUPPRESS = ("ignore", _CPYTHON_FORK_WARNING, DeprecationWarning, None, 0)
_warned_threads = False
# Tests for threads whose owner handles ``fork`` itself (a notebook kernel's: see
# ``omppy.jupyter.workers``); they are not counted in the warning.
_harmless_thread_tests: list[Callable[[threading.Thread], bool]] = []


def tolerate_threads(test: Callable[[threading.Thread], bool]) -> None:
    """Leave the threads ``test`` accepts out of the fork-with-threads warning."""
    if test not in _harmless_thread_tests:
        _harmless_thread_tests.append(test)


def _threads_of_the_program() -> list[threading.Thread]:
    me = threading.current_thread()
    return [
        t
        for t in threading.enumerate()
        if t is not me and not any(test(t) for test in _harmless_thread_tests)
    ]


def fork_worker(num: int, size: int) -> int:
    """``os.fork()`` for thread ``num`` of a team of ``size``: the child's 0, or its pid."""
    if num == 1:
        blas.prepare()
        blas.limit_before_fork()
        if not _warned_threads and threading.active_count() > 1:
            others = _threads_of_the_program()
            if others:
                _warn_threads(others)
    try:
        return _fork()
    except OSError as error:
        if error.errno != errno.EAGAIN or not reaping.pending():
            raise limits.fork_refused(error, num, size) from None
    # Out of processes: the previous team's workers, exiting but not reaped yet
    # (reaping.py), still count; reap them and ask again.
    reaping.reap_all()
    try:
        return _fork()
    except OSError as error:
        raise limits.fork_refused(error, num, size) from None


def _fork() -> int:
    if sys.version_info < (3, 12):
        return os.fork()
    # Not warnings.catch_warnings(): entering it marks the filters changed, so every
    # "once per location" warning of the program would show again after each region,
    # which plain Python would not do.  The filter is put in and taken out of the list
    # the warning machinery reads at each warning.
    filters = warnings.filters
    filters.insert(0, _SUPPRESS)
    try:
        return os.fork()
    finally:
        try:
            filters.remove(_SUPPRESS)
        except ValueError:
            pass  # another thread replaced the list meanwhile (catch_warnings)


def _warn_threads(threads: list[threading.Thread]) -> None:
    global _warned_threads
    _warned_threads = True
    others = [t.name for t in threads]
    names = ", ".join(others[:5]) + (", ..." if len(others) > 5 else "")
    count = len(others)
    # Attributed to the first frame outside omppy: the region's line in the program.
    level, frame = 1, sys._getframe()
    while frame.f_back is not None and is_internal(frame.f_code):
        frame, level = frame.f_back, level + 1
    warnings.warn(
        f"omppy: this program runs {count} other thread{'s' if count != 1 else ''} "
        f"({names}) when it starts a parallel region. fork() copies only the calling "
        "thread into the team's worker processes, so a lock another thread holds at "
        "that moment (in logging, a file, or a library) stays held in the workers, "
        "which may then hang. Start threads after the parallel regions, or join them "
        "before. (Shown once.)",
        RuntimeWarning,
        stacklevel=level,
    )
