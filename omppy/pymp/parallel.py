"""``pymp.Parallel``: a parallel region as a ``with`` block, with pymp's interface.

Everything pymp's ``Parallel`` offers, with pymp's behaviour: single use;
``thread_num``, ``num_threads`` and ``lock`` (AssertionError outside the block, even
under ``python -O``); ``range`` (static), ``xrange`` (dynamic), ``iterate``; the
classmethod ``print``; nesting only when ``config.nested``; team sizes from
``config.num_threads`` per level, capped by ``config.thread_limit`` over every process
of the program (``shared._NUM_PROCS``).  The class attributes ``_level`` and
``_global_master`` and the instance attributes ``_is_fork``, ``_pids`` are pymp's too.

Where pymp loses work or hangs, this one reports (docs/pymp.md): a worker's exception
is raised in the master as itself, with its traceback; several failures raise the
first, the others as notes; a killed worker is an error naming it; output lines are
never torn or lost.
"""

from __future__ import annotations

import builtins
import os
import sys
import warnings
from collections.abc import Iterable, Iterator
from typing import Any

from . import config
from . import shared as _shared
from .locks import Lock
from .loops import consume, dynamic, produce, static_share
from .team import CAN_FORK, Team

_warned_no_fork = False


def _warn_no_fork() -> None:
    global _warned_no_fork
    if not _warned_no_fork:
        _warned_no_fork = True
        warnings.warn(
            "omppy.pymp: this platform has no fork(); parallel regions run sequentially",
            RuntimeWarning,
            stacklevel=4,
        )


class Parallel:
    """A parallel region: ``with Parallel(num_threads, if_=cond) as p: ...``."""

    _level = 0  # regions this process is inside
    _global_master: int | None = None  # the process that made the first Parallel

    def __init__(self, num_threads: int | None = None, if_: Any = True) -> None:
        self._num_threads = num_threads
        self._enabled = bool(if_)
        if not self._enabled:
            self._num_threads = 1
        self._is_fork = False
        self._pids: list[int] = []
        self._thread_num = 0
        self._lock: Lock | None = None
        self._team: Team | None = None
        self._dynamic_loops = 0
        self._iterate_loops = 0
        self._entered = False
        self._disposed = False
        if Parallel._global_master is None:
            Parallel._global_master = os.getpid()

    # -- entering and leaving ------------------------------------------------------------

    def __enter__(self) -> Parallel:
        if self._entered:
            raise AssertionError("A `Parallel` object may only be used once!")
        size = self._requested_size()
        if not config.nested and Parallel._level != 0:
            raise AssertionError("No nested parallel contexts allowed!")
        Parallel._level += 1
        added = 0
        try:
            with _shared._LOCK:
                if config.thread_limit is not None:
                    available = config.thread_limit - _shared._NUM_PROCS.value + 1
                    size = max(1, min(size, available))
                _shared._NUM_PROCS.value += size - 1
                added = size - 1
            self._num_threads = size
            team = self._team = Team(size)
            if size > 1:
                self._thread_num = team.fork()
        except BaseException:
            if added:
                with _shared._LOCK:
                    _shared._NUM_PROCS.value -= added
            Parallel._level -= 1
            raise
        self._is_fork = self._thread_num != 0
        self._pids = list(team.pids)
        self._entered = True
        return self

    def _requested_size(self) -> int:
        if self._num_threads is not None:
            size = int(self._num_threads)
            if size < 1:
                raise ValueError(f"num_threads must be positive, got {size}")
        else:
            sizes = config.num_threads
            if not (len(sizes) == 1 or len(sizes) > Parallel._level):
                raise AssertionError(
                    "The value of PYMP_NUM_THREADS/OMP_NUM_THREADS must be either a single "
                    "positive number or a comma-separated list of number per nesting level."
                )
            size = sizes[0] if len(sizes) == 1 else sizes[Parallel._level]
        if not CAN_FORK:
            _warn_no_fork()
            return 1
        return size

    def __exit__(self, exc_type: Any, exc: BaseException | None, tb: Any) -> None:
        team = self._team
        assert team is not None
        if self._is_fork:
            team.finish_worker(exc)  # pragma: no cover - ends the worker process
        try:
            error = team.join(exc) if team.size > 1 else exc
        finally:
            if self._pids:
                with _shared._LOCK:
                    _shared._NUM_PROCS.value -= len(self._pids)
            Parallel._level -= 1
            self._disposed = True
        if error is not None and error is not exc:
            raise error
        # else thread 0's own exception, if any, goes on (with notes on the others)

    # -- inside the region -----------------------------------------------------------------

    def _assert_active(self) -> None:
        if not self._entered or self._disposed:
            raise AssertionError("The parallel context of this object is not active!")

    @property
    def thread_num(self) -> int:
        """This thread's number in the team (0: the process that entered the block)."""
        self._assert_active()
        return self._thread_num

    @property
    def num_threads(self) -> int:
        """The number of threads in the team."""
        self._assert_active()
        assert self._num_threads is not None
        return self._num_threads

    @property
    def lock(self) -> Lock:
        """A lock the team's threads share, made for this region."""
        self._assert_active()
        if self._lock is None:  # made on first use: a pooled mutex of the team's Block
            team = self._team
            self._lock = team.lock() if team is not None and team.size > 1 else Lock()
        return self._lock

    @classmethod
    def print(cls, *args: Any, **kwargs: Any) -> None:
        """``print``, flushed at once; inside a region every line arrives whole."""
        builtins.print(*args, **kwargs)
        stream = kwargs.get("file") or sys.stdout
        if stream is not None:
            stream.flush()

    def range(self, start: int, stop: int | None = None, step: int = 1) -> range:
        """This thread's contiguous block of ``range(start, stop, step)`` (static)."""
        self._assert_active()
        if stop is None:
            start, stop = 0, start
        return static_share(builtins.range(start, stop, step), self._thread_num, self.num_threads)

    def xrange(self, start: int, stop: int | None = None, step: int = 1) -> Iterator[int]:
        """The iterations of ``range(start, stop, step)`` this thread takes, one at a
        time, as it asks for them (dynamic).  Every thread must call it the same
        number of times, in the same order."""
        self._assert_active()
        if stop is None:
            start, stop = 0, start
        full = builtins.range(start, stop, step)
        team = self._team
        if team is None or team.size == 1:
            return iter(full)
        loop = self._dynamic_loops
        self._dynamic_loops += 1
        return dynamic(team, loop, full)

    def iterate(
        self, iterable: Iterable[Any], element_timeout: float | None = None
    ) -> Iterator[Any]:
        """Elements of ``iterable``, which thread 0 runs, for the other threads to take
        as they come (thread 0 gets none).  Elements cross processes pickled; with
        ``element_timeout``, thread 0 raises ``queue.Full`` when no thread takes an
        element within that many seconds."""
        self._assert_active()
        team = self._team
        if team is None or team.size == 1:
            return iter(iterable)
        loop = self._iterate_loops
        self._iterate_loops += 1
        if self._thread_num == 0:
            return produce(team, loop, iterable, element_timeout)
        return consume(team, loop)
