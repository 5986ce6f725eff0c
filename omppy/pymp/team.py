"""The processes of one ``with pymp.Parallel(n)`` block: fork, report, join.

pymp's model, kept: ``__enter__`` forks ``n - 1`` workers, every process runs the
block's body, and ``__exit__`` ends each worker and makes the master (thread 0) wait
for them.  What connects the processes is made before the fork: a control
:class:`Block` (shared words, a lock, the ``p.iterate`` channel) and one report pipe
per worker.  No manager process, no connection that crosses a fork::

    master (thread 0)                      worker k (forked in __enter__)
    take a Block, make the report pipes
    line-atomic stdout/stderr (output.py)
    fork 1..n-1  ------------------------> die with the master, reseed randomness
    reap the previous team's workers
    run the body                           run the body
    __exit__: read each report until  <--- __exit__: report (its exception, pickled,
    whole (or EOF: waitpid that worker)        with its traceback) -> pipe; os._exit
    raise the first failure, the others as notes on it

A worker whose whole report is in can only exit: the master goes on without waiting
for that exit (the kernel tearing down its copy of the address space, a millisecond
or more) and reaps it once the next team is forked, so that the exit overlaps the
next team's start (``runtime/reaping.py``), or at exit.

A worker that vanishes (a signal, ``os._exit``) closes its pipe without a report: the
master names the thread and how it died.  A thread waiting for another one
(``waiting.py``) watches the same pipes, so nobody waits for a thread that is gone.
"""

from __future__ import annotations

import mmap
import multiprocessing
import os
import pickle
import signal
import sys
import textwrap
import traceback
from typing import Any, NoReturn, cast

from ..runtime import failures, reaping
from ..runtime.arena import ABORT, FINISHED, Arena, Liveness
from ..runtime.errors import RemoteTraceback, TeamAborted, WorkerDied
from ..runtime.forked import EXIT_UNREPORTED, NumpySeeding, die_with_parent, reseed, team_seeds
from ..runtime.limits import MAP_NORESERVE
from ..runtime.output import LineWriter, RegionOutput, flush_standard_streams
from ..runtime.reports import HEADER, collect, whole
from . import waiting
from .locks import Lock, ProcessMutex, new_lock_address, renew_lock
from .queues import SharedQueue

CAN_FORK = hasattr(os, "fork") and sys.platform != "win32"
_CTX = multiprocessing.get_context("fork") if CAN_FORK else None

# Control words of a Block (ABORT and FINISHED + t as in an omppy arena, so that the
# runtime's Liveness can watch a pymp team).
TICKET = 1  # failures so far: orders them, the first raised is reported first
ITERATE_DONE = 2  # the last p.iterate loop whose elements thread 0 has all produced
LOCK_USED = 3  # a thread of the team took p.lock: its mutex is made new for the next team
MAX_DYNAMIC_LOOPS = 1 << 22  # p.xrange loops one region may run (one counter each)
ITERATE_AHEAD = 8  # elements p.iterate's producer may be ahead, per consumer

# The report of a worker that raised nothing and left no text to write: made once, so
# a clean worker sends it with no pickling (fewer pages written after the fork).
_CLEAN: dict[str, Any] = {"error": None, "out": "", "err": ""}
_CLEAN_DATA = pickle.dumps(_CLEAN)
_CLEAN_REPORT = HEADER.pack(len(_CLEAN_DATA)) + _CLEAN_DATA
_MADV_REMOVE = getattr(mmap, "MADV_REMOVE", None)


class Block:
    """The shared control memory of a team; its master reuses it for its next team.

    Words: ``ABORT``, ``TICKET``, ``ITERATE_DONE``, then per thread ``FINISHED + t``
    and "the last p.iterate loop thread t left", then one counter per p.xrange loop.
    """

    def __init__(self, capacity: int) -> None:
        assert _CTX is not None
        self.capacity = capacity
        self.creator = os.getpid()
        self.left_base = FINISHED + capacity
        self.counter_base = self.left_base + capacity
        size = (self.counter_base + MAX_DYNAMIC_LOOPS) * 8
        self.memory = mmap.mmap(-1, size, flags=mmap.MAP_SHARED | MAP_NORESERVE)
        self.words = memoryview(self.memory).cast("q")
        self.lock = _CTX.Lock()  # guards the words; held for a few instructions
        self.output_lock = ProcessMutex()
        self.channel = SharedQueue()  # p.iterate's elements, tagged with their loop
        self.broken = False
        # p.lock's mutex, made once and renewed only for a team after one that used it:
        # three ctypes calls fewer before each fork.  A p.lock object the master made
        # may outlive its region, so its mutex is never handed to a later team.
        self.lock_address = new_lock_address()
        self.lock_kept = False

    def reset(self, size: int) -> None:
        """Zero every word (the counters too) for a new team of ``size``."""
        if self.words[self.counter_base]:  # a p.xrange loop ran: counters to clear
            if _MADV_REMOVE is not None:
                self.memory.madvise(_MADV_REMOVE)
            else:  # pragma: no cover - not Linux: a fresh block is made instead
                self.broken = True
        words = self.words
        if self.lock_kept:
            self.lock_address = new_lock_address()
            self.lock_kept = False
        elif words[LOCK_USED]:
            renew_lock(self.lock_address)
        words[ABORT] = words[TICKET] = words[LOCK_USED] = 0
        words[ITERATE_DONE] = -1
        for thread in range(self.capacity):
            words[FINISHED + thread] = 0
            words[self.left_base + thread] = -1
        if self.channel.qsize():
            self.channel.clear()

    def ticket(self) -> int:
        """The next number in the team's order of failures."""
        # Held for a few instructions: a second without it means its holder died.
        if not self.lock.acquire(True, 1.0):
            return 1 << 62
        try:
            self.words[TICKET] += 1
            return int(self.words[TICKET])
        finally:
            self.lock.release()


_idle_blocks: list[Block] = []
_serial = 0


def _take_block(size: int) -> Block:
    for block in _idle_blocks:
        if block.capacity >= size and block.creator == os.getpid():
            _idle_blocks.remove(block)
            block.reset(size)
            if not block.broken:
                return block
    block = Block(max(size, 4))
    block.reset(size)
    return block


def _give_back(block: Block) -> None:
    if not block.broken and block.creator == os.getpid() and _MADV_REMOVE is not None:
        _idle_blocks.append(block)


class Team:
    """One team, seen from one of its processes (``num`` is its thread number)."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.num = 0
        self.pids: list[int] = []  # in the master: the workers, thread 1 first
        self.block: Block | None = None
        self.readers: dict[int, int] = {}  # thread -> read end of its report pipe
        self.report_fd: int | None = None  # in a worker: its own pipe's write end
        self.liveness: Liveness | None = None
        self.output: RegionOutput | None = None

    def lock(self) -> Lock:
        """This team's ``p.lock``, as this process sees it (made on first use)."""
        block = self.block
        assert block is not None
        block.words[LOCK_USED] = 1
        if self.num == 0:
            block.lock_kept = True
        return Lock.at(block.lock_address)

    # -- fork ------------------------------------------------------------------------

    def fork(self) -> int:
        """Start the workers; returns this process's thread number (0: the master)."""
        global _serial
        _serial += 1
        block = self.block = _take_block(self.size)
        seeds, seeding = team_seeds(_serial, self.size)
        pipes = [os.pipe() for _ in range(self.size - 1)]
        self.readers = {num: pipes[num - 1][0] for num in range(1, self.size)}
        flush_standard_streams()
        # Nested teams write through the outermost team's lock: one order for all lines.
        stdout = sys.stdout
        lock = stdout.lock if isinstance(stdout, LineWriter) else block.output_lock
        self.output = RegionOutput(lock)
        self.output.install()
        master = os.getpid()
        try:
            for num in range(1, self.size):
                pid = _fork()
                if pid == 0:  # pragma: no cover - runs in the worker
                    self._become_worker(num, pipes, master, seeds, seeding)
                    return num
                self.pids.append(pid)
        except BaseException:
            self.output.restore()
            block.broken = True
            _kill(self.pids)
            for read_end, write_end in pipes:
                _close_quietly(read_end)
                _close_quietly(write_end)
            raise
        for _, write_end in pipes:
            os.close(write_end)
        # The previous teams' workers, exiting since their reports came in: their exit
        # overlapped this team's start; no more than one team's wait as zombies.
        reaping.reap_all()
        self.liveness = Liveness(cast(Arena, block), dict(self.readers))
        waiting.watched.append(self.liveness)
        _teams.append(self)
        return 0

    def _become_worker(
        self,
        num: int,
        pipes: list[tuple[int, int]],
        master: int,
        seeds: tuple[int, int | None, int],
        seeding: NumpySeeding | None,
    ) -> None:  # pragma: no cover - runs in the worker
        try:
            die_with_parent(master)
            for index, (_, write_end) in enumerate(pipes):
                if index != num - 1:
                    os.close(write_end)
            for team in _teams:  # reports of the enclosing teams are not this one's
                if team.report_fd is not None:
                    _close_quietly(team.report_fd)
                    team.report_fd = None
            self.num = num
            self.pids = []
            self.report_fd = pipes[num - 1][1]
            others = {t: fd for t, fd in self.readers.items() if t != num}
            self.liveness = Liveness(cast(Arena, self.block), others)
            waiting.watched.append(self.liveness)
            _teams.append(self)
            reseed(num, seeds, seeding)
        except BaseException:
            os._exit(EXIT_UNREPORTED)

    # -- a worker's end ----------------------------------------------------------------

    def finish_worker(self, exc: BaseException | None) -> NoReturn:  # pragma: no cover
        """Send this worker's report to the master and end the process."""
        status = EXIT_UNREPORTED
        try:
            block = self.block
            assert block is not None and self.liveness is not None and self.output
            error = None
            if exc is not None and not isinstance(exc, TeamAborted):
                error = (block.ticket(), failures.pack_exception(exc))
                block.words[ABORT] = 1
            out, err = self.output.collected()
            if error is None and not out and not err:
                report = _CLEAN_REPORT  # prepared: nothing to pickle, nothing allocated
            else:
                data = pickle.dumps({"error": error, "out": out, "err": err})
                report = HEADER.pack(len(data)) + data
            block.words[FINISHED + self.num] = 1
            view = memoryview(report)
            assert self.report_fd is not None
            while view:
                view = view[os.write(self.report_fd, view) :]
            status = 0
            # Off the master's path now (it has the report): the workers of the teams
            # this one started (nested regions) leave no zombie behind.
            reaping.reap_all()
        finally:
            os._exit(status)

    # -- the master's end --------------------------------------------------------------

    def join(self, exc: BaseException | None) -> BaseException | None:
        """Wait for every worker; the exception the block must raise, if any.

        ``exc`` is thread 0's own exception.  Returns it (with notes) when it was the
        first failure, another thread's exception, or None when all went well.
        """
        block, liveness, output = self.block, self.liveness, self.output
        assert block is not None and liveness is not None and output is not None
        if _teams and _teams[-1] is self:
            _teams.pop()
        if waiting.watched and waiting.watched[-1] is liveness:
            waiting.watched.pop()
        block.words[FINISHED] = 1  # no more p.iterate loops will be produced
        own: list[tuple[int, int, BaseException]] = []
        aborted = isinstance(exc, TeamAborted)
        if exc is not None and not aborted:
            own.append((block.ticket(), 0, exc))
            block.words[ABORT] = 1
        output.restore()
        try:
            if isinstance(exc, KeyboardInterrupt):
                raise exc  # Ctrl-C stops the whole team now
            raw = collect(self.readers)
            statuses = _exit_statuses(self.pids, raw)
        except BaseException:
            block.broken = True
            _kill(self.pids)
            raise
        finally:
            for fd in self.readers.values():
                _close_quietly(fd)
        raised, died = own, []
        for num, pid, status in zip(range(1, self.size), self.pids, statuses, strict=True):
            report = _decode(raw[num])
            if report is None or not os.WIFEXITED(status) or os.WEXITSTATUS(status) != 0:
                died.append((num, WorkerDied(num, pid, failures.describe_exit(status))))
                continue
            _write_collected(report)
            if report["error"] is not None:
                ticket, data = report["error"]
                raised.append((ticket, num, failures.unpack_exception(data)))
        block.broken = block.broken or bool(raised or died) or aborted
        _give_back(block)
        if raised or died:
            # A failed region is not on a fast path: its workers are reaped now, so the
            # program goes on with no process of the team left.
            reaping.reap_all()
        ordered = [(num, error) for _, num, error in sorted(raised, key=lambda r: r[0])] + died
        if not ordered:
            # Stopped by a failure in an enclosing team: that team's master reports it.
            return exc if aborted else None
        first_num, first = ordered[0]
        if (len(ordered) > 1 or first_num != 0) and not isinstance(first, WorkerDied):
            _note_thread(first, first_num, self.size)
        for num, error in ordered[1:]:
            first.add_note(_also_failed(num, error))
        return first


_teams: list[Team] = []  # the teams this process is a thread of, outermost first


def _fork() -> int:
    try:
        return os.fork()
    except BlockingIOError:  # EAGAIN: out of processes
        if not reaping.pending():
            raise
    # The previous team's workers, exiting but not reaped yet, still count.
    reaping.reap_all()
    return os.fork()


def _note_thread(error: BaseException, num: int, size: int) -> None:
    """Say which thread raised ``error``; from a nested team, which thread that was in."""
    where = f"thread {num} of a team of {size}"
    notes = getattr(error, "__notes__", None)
    if notes and notes[-1].startswith("(raised in thread "):
        notes[-1] = f"{notes[-1][:-1]}, inside {where})"
    else:
        error.add_note(f"(raised in {where})")


def _also_failed(num: int, error: BaseException) -> str:
    cause = error.__cause__
    if isinstance(cause, RemoteTraceback):
        text = cause.text
    elif isinstance(error, WorkerDied):
        text = str(error)
    else:
        text = "".join(traceback.format_exception(error))
    return f"thread {num} also failed:\n" + textwrap.indent(text.rstrip("\n"), "  ")


def _exit_statuses(pids: list[int], raw: dict[int, bytearray]) -> list[int]:
    """Each worker's exit status: one whose report is whole is exiting with status 0
    and is reaped later (``reaping.py``); one that died is waited for now."""
    statuses = []
    for num, pid in enumerate(pids, start=1):
        if whole(raw[num]):
            reaping.later(pid)
            statuses.append(0)
        else:
            statuses.append(os.waitpid(pid, 0)[1])
    return statuses


def _decode(data: bytes | bytearray) -> dict[str, Any] | None:
    if data == _CLEAN_REPORT:
        return _CLEAN
    if not whole(data):
        return None
    report: dict[str, Any] = pickle.loads(data[HEADER.size :])
    return report


def _write_collected(report: dict[str, Any]) -> None:
    """Text a worker could not write itself (its stream had no descriptor)."""
    if report["out"]:
        sys.stdout.write(report["out"])
    if report["err"]:
        sys.stderr.write(report["err"])


def _kill(pids: list[int]) -> None:
    for pid in pids:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    for pid in pids:
        try:
            os.waitpid(pid, 0)
        except ChildProcessError:
            pass


def _close_quietly(fd: int) -> None:
    try:
        os.close(fd)
    except OSError:
        pass
