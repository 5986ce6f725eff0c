"""The team arena: shared memory and semaphores that every thread of a team maps.

Created by a team's master *before* it forks, so every worker inherits the same
mapping and the same semaphores; nothing is ever passed over a connection, and
nothing outlives the processes: the memory is an anonymous ``MAP_SHARED`` mapping
and the semaphores are unlinked at creation (``multiprocessing``'s fork context).

Layout of the mapping::

    words  : int64 control words (abort flag, barrier, finished flags, work shares)
    slots  : per-thread exchange buffers, two per thread (barrier parity), for values
             that threads hand each other at a barrier (reduction partials,
             lastprivate values, the changes each thread made to shared objects)
    log    : the publication log: what synchronisation blocks (critical, atomic,
             single, master, ordered) changed, in the order they ran (coherence.py)

The buffers are reserved with ``MAP_NORESERVE``: untouched pages cost nothing, so
they can be generous.  An arena is reused by the same master for its next team
(creating semaphores costs ~0.3 ms each) unless the previous team failed.
"""

from __future__ import annotations

import mmap
import multiprocessing
import os
import pickle
import select
import struct
import time
from collections.abc import Callable

from . import deadlock, limits
from .errors import ExchangeOverflow, TeamAborted
from .limits import describe_size
from .taskpool import TaskPool

WORD = 8
WORKSHARE_RING = 64  # work-sharing constructs that may be in flight at once (nowait)
CRITICAL_LOCKS = 16  # distinct critical names a team can hold apart

# Control word indices.
ABORT = 0
BARRIER_COUNT = 1
BARRIER_GEN = 2
CRITICAL_NAMES = 3  # number of critical names assigned to locks so far
LOG_SEQ = 4  # sequence number of the newest record in the publication log
LOG_BYTES = 5  # bytes of the log in use
LOG_GENERATION = 6  # bumped when the log is compacted (readers' byte offsets go stale)
LOG_MARK = 7  # the newest record when the last barrier completed (what it covers)
CANCEL = 8  # the region was cancelled ('# omp cancel parallel', see cancel.py)
FINISHED = 9  # + thread number: the thread finished its part normally
# Then, after the FINISHED words, one word per thread: the newest log record it has
# applied (see Arena.cursor_base), then the work-share ring, the critical names and
# one word per thread for doacross loops (Arena.doacross_base), the deadlock board,
# the used word and three words per thread for its place (Arena.stop_base).
WS_FIELDS = 4  # per work share: [construct id, next, done count, ordered turn]
WS_ID, WS_NEXT, WS_DONE, WS_ORDERED = 0, 1, 2, 3

# The arena's attributes that hold semaphores (dropped by ``Arena.close``).
_SEMAPHORES = (
    "lock",
    "output_lock",
    "barrier_sems",
    "critical_locks",
    "atomic_lock",
    "log_lock",
)
_CTX = multiprocessing.get_context("fork") if hasattr(os, "fork") else None
_LEN = struct.Struct("<q")
_RECORD = struct.Struct("<qqq")  # a log record's header: sequence number, thread, length


class Arena:
    """Shared control words, semaphores and exchange buffers for a team of ``capacity``."""

    def __init__(self, capacity: int) -> None:
        assert _CTX is not None
        self.capacity = capacity
        self.creator = os.getpid()
        self.cursor_base = FINISHED + capacity
        self.ws_base = self.cursor_base + capacity
        self.names_base = self.ws_base + WORKSHARE_RING * WS_FIELDS
        # One word per thread: where in the program it waits at a barrier (deadlock.py).
        self.site_base = self.names_base + CRITICAL_LOCKS  # one word per name: its hash
        # One word per thread: how far it got in the doacross loop it runs (doacross.py).
        self.doacross_base = self.site_base + capacity
        # Where each thread waits once it has waited a while (deadlock.Board).
        self.wait_base = self.doacross_base + capacity
        # One word: whether a thread wrote to the exchange buffers or the log since the
        # reset (release_exchange_pages has pages to give back only then).
        self.used_word = self.wait_base + deadlock.Board.words_for(capacity)
        # Three words per thread: where it got to in the region (failedstate.py),
        # written by each worker as its part ends.
        self.stop_base = self.used_word + 1
        self.n_words = self.stop_base + 3 * capacity
        control_bytes = -(-self.n_words * WORD // mmap.PAGESIZE) * mmap.PAGESIZE
        self.slot_base = control_bytes
        # Read when the arena is made, so a bad OMPPY_EXCHANGE_MB is a ConfigError;
        # smaller than it asks under an address-space limit (slot_note says so).
        slots = 2 * capacity + 1
        self.slot_bytes, self.slot_note = limits.exchange_slot_bytes(slots, control_bytes)
        self.log_base = control_bytes + 2 * capacity * self.slot_bytes
        size = self.log_base + self.slot_bytes
        self.memory = limits.map_exchange(size, slots, self.slot_bytes)
        self.words = memoryview(self.memory).cast("B")[:control_bytes].cast("q")
        self.lock = _CTX.Lock()  # guards control words
        self.output_lock = _CTX.Lock()
        self.barrier_sems = (_CTX.Semaphore(0), _CTX.Semaphore(0))
        self.critical_locks = [_CTX.RLock() for _ in range(CRITICAL_LOCKS)]
        self.atomic_lock = _CTX.RLock()
        self.log_lock = _CTX.Lock()
        self.critical_names: dict[str, int] = {}
        self.in_use = False
        self.broken = False
        # Deferred tasks (tasks.py): made before a fork by the first team that runs
        # tasks (tasks.prepare), so a program without tasks reserves nothing for them.
        self.tasks: TaskPool | None = None

    def reset(self, size: int) -> None:
        """Prepare the control words for a new team of ``size`` threads."""
        words = self.words
        self.memory[: self.n_words * WORD] = bytes(self.n_words * WORD)
        for ws in range(WORKSHARE_RING):
            words[self.ws_base + ws * WS_FIELDS] = -1
        self.critical_names = {}
        if self.tasks is not None:
            self.tasks.reset()

    def close(self) -> None:
        """Unmap the memory and drop the semaphores (each maps a page) now.

        For a failed team's arena, which is never reused: the exception that reports
        the failure keeps the team's objects alive until the garbage collector runs,
        and a team of 4 reserves over 2 GiB of address space.
        """
        self.words.release()
        self.memory.close()
        for name in _SEMAPHORES:
            if hasattr(self, name):
                delattr(self, name)
        if self.tasks is not None:
            self.tasks.close()
            self.tasks = None

    # -- exchange buffers -------------------------------------------------------------

    def _slot_offset(self, thread_num: int, parity: int) -> int:
        return self.slot_base + (2 * thread_num + parity) * self.slot_bytes

    def put(self, thread_num: int, parity: int, value: object) -> None:
        """Publish ``value`` in this thread's buffer for the barrier of ``parity``."""
        data = b"" if value is None else pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        if len(data) + _LEN.size > self.slot_bytes:
            raise ExchangeOverflow(
                f"thread {thread_num} has {describe_size(len(data))} to hand to its team, "
                f"more than the {describe_size(self.slot_bytes)} exchange buffer"
                f"{self.slot_note}; use an omppy.shared array for large data, or raise "
                "OMPPY_EXCHANGE_MB"
            )
        offset = self._slot_offset(thread_num, parity)
        self.words[self.used_word] = 1
        self.memory[offset : offset + _LEN.size] = _LEN.pack(len(data))
        if data:
            self.memory[offset + _LEN.size : offset + _LEN.size + len(data)] = data

    def get(self, thread_num: int, parity: int) -> object:
        offset = self._slot_offset(thread_num, parity)
        (length,) = _LEN.unpack(self.memory[offset : offset + _LEN.size])
        if length == 0:
            return None
        start = offset + _LEN.size
        return pickle.loads(self.memory[start : start + length])

    # -- the publication log -----------------------------------------------------------

    def log_append(self, thread_num: int, payload: bytes) -> int:
        """Add one record; returns its sequence number (records are totally ordered)."""
        return self.log_append_after(thread_num, payload, None)[0]

    def log_append_after(
        self, thread_num: int, payload: bytes, cursor: tuple[int, int, int] | None
    ) -> tuple[int, tuple[int, int, int] | None]:
        """:meth:`log_append`, and the reading ``cursor`` moved past the new record
        when it had read every record before it (None otherwise): the thread need
        not read its own record back at its next block."""
        with self.log_lock:
            words = self.words
            used = int(words[LOG_BYTES])
            end = used + _RECORD.size + len(payload)
            if end > self.slot_bytes:
                raise ExchangeOverflow(
                    f"what synchronisation blocks published since the last barrier takes more "
                    f"than the {describe_size(self.slot_bytes)} publication log{self.slot_note}; "
                    "add a barrier, keep large data in omppy.shared arrays, or raise "
                    "OMPPY_EXCHANGE_MB"
                )
            seq = int(words[LOG_SEQ]) + 1
            words[self.used_word] = 1
            start = self.log_base + used
            self.memory[start : start + _RECORD.size] = _RECORD.pack(seq, thread_num, len(payload))
            self.memory[start + _RECORD.size : self.log_base + end] = payload
            words[LOG_BYTES] = end
            words[LOG_SEQ] = seq
            if cursor is not None and cursor == (int(words[LOG_GENERATION]), used, seq - 1):
                return seq, (cursor[0], end, seq)
            return seq, None

    def log_read(
        self, cursor: tuple[int, int, int], upto: int | None = None
    ) -> tuple[list[tuple[int, int, bytes]], tuple[int, int, int]]:
        """Records newer than ``cursor`` (and not newer than ``upto``) as ``(seq,
        thread, payload)``, and the new cursor.

        A cursor is ``(generation, byte offset, last sequence number read)``; after a
        compaction the offset is stale and the log is scanned by sequence number.
        """
        generation, offset, last = cursor
        words = self.words
        if words[LOG_SEQ] == last or (upto is not None and upto <= last):
            return [], cursor  # nothing new (an aligned word: read without the lock)
        with self.log_lock:
            if words[LOG_GENERATION] != generation:
                generation, offset = int(words[LOG_GENERATION]), 0
            used = int(words[LOG_BYTES])
            records = []
            memory = self.memory
            base = self.log_base
            while offset < used:
                seq, thread, length = _RECORD.unpack(
                    memory[base + offset : base + offset + _RECORD.size]
                )
                if upto is not None and seq > upto:
                    break
                start = base + offset + _RECORD.size
                offset += _RECORD.size + length
                if seq > last:
                    records.append((seq, thread, memory[start : start + length]))
                    last = seq
            return records, (generation, offset, last)

    def log_compact(self, size: int) -> None:
        """Drop the records every thread of the team has applied.

        Called by the last thread to arrive at a barrier, while the others wait in
        it: nobody reads or appends.
        """
        words = self.words
        consumed = min(int(words[self.cursor_base + t]) for t in range(size))
        used = int(words[LOG_BYTES])
        offset = 0
        base = self.log_base
        while offset < used:
            header = self.memory[base + offset : base + offset + _RECORD.size]
            seq, _, length = _RECORD.unpack(header)
            if seq > consumed:
                break
            offset += _RECORD.size + length
        if offset == 0:
            return
        rest = used - offset
        if rest:
            self.memory.move(base, base + offset, rest)
        words[LOG_BYTES] = rest
        words[LOG_GENERATION] += 1

    def release_exchange_pages(self) -> None:
        """Give the pages the buffers touched back to the system between teams (none
        when no thread wrote there: an madvise of the whole reserved range costs
        20-60 us)."""
        if hasattr(mmap, "MADV_REMOVE"):
            try:
                if self.words[self.used_word]:
                    self.memory.madvise(mmap.MADV_REMOVE, self.slot_base)
                if self.tasks is not None:  # the task table's heap
                    self.tasks.memory.madvise(mmap.MADV_REMOVE, self.tasks.heap_base)
            except OSError:
                pass

    # -- critical names ---------------------------------------------------------------

    def critical_lock(self, name: str) -> object:
        """The lock of ``critical(name)``: one per distinct name, agreed team-wide."""
        index = self.critical_names.get(name)
        if index is not None:
            return self.critical_locks[index]
        key = hash_name(name)
        with self.lock:
            words = self.words
            count = words[CRITICAL_NAMES]
            for i in range(count):
                if words[self.names_base + i] == key:
                    index = i
                    break
            else:
                if count >= CRITICAL_LOCKS:
                    index = key % CRITICAL_LOCKS  # share a lock: still mutually exclusive
                else:
                    index = count
                    words[self.names_base + count] = key
                    words[CRITICAL_NAMES] = count + 1
        self.critical_names[name] = index
        return self.critical_locks[index]


def hash_name(name: str) -> int:
    """A hash of a critical name that every process agrees on (``hash`` is salted)."""
    value = 1469598103934665603
    for byte in name.encode():
        value = ((value ^ byte) * 1099511628211) & 0x7FFFFFFFFFFFFFFF
    return value


# Seconds between two polls of a thread's liveness pipes, per pipe squared (above).
POLL_COST = 2e-6
MIN_POLL_INTERVAL = 0.002  # below this, poll at every check (waits sleep 2 ms or more)
SPIN_SECONDS = 50e-6  # how long a waiting thread looks before it sleeps (Liveness.wait)


def spin_seconds(size: int) -> float:
    """How long the waits of a team of ``size`` look again before they sleep: only
    when the team and what else runs fit the CPUs (a waiting thread that spins on a
    busy machine takes the CPU from the thread it waits for).  Decided once per team,
    in the master, from the load average (which counts this process already)."""
    global _load_read
    now = time.monotonic()
    if now - _load_read[0] >= 1.0:  # the kernel updates it every 5 s
        try:
            load = os.getloadavg()[0]
        except OSError:
            load = None
        _load_read = (now, load, os.cpu_count() or 1)
    _, load, cpus = _load_read
    if load is None:
        return 0.0
    return SPIN_SECONDS if size <= cpus and load < cpus + 0.5 else 0.0


# When the load average was last read, its value (None: not available) and the CPUs:
# a read of /proc/loadavg costs 20-30 us, more than once a second is no news.
_load_read: tuple[float, float | None, int] = (-2.0, None, 1)


class Liveness:
    """Tells a waiting thread whether its team is still whole.

    ``sentinels`` are the read ends of the other threads' report pipes (forkjoin.py,
    limits.report_pipes).  A worker writes its report there only after setting its
    FINISHED word, and its process holds the write end until it exits: the read end
    turns readable with the report, or at EOF when the process is gone, however it
    ended.  A readable pipe of a thread whose FINISHED word is not set is a thread
    that vanished: the team has failed.
    """

    def __init__(self, arena: Arena, sentinels: dict[int, int], spin: float = 0.0) -> None:
        self.arena = arena
        self.sentinels = sentinels  # thread number -> read end of its report pipe
        self.spin = spin  # seconds a wait looks again before it sleeps (spin_seconds)
        # Built on first use, in the process that checks: a team of T threads has T
        # watchers of T - 1 pipes each, and most never need to look.
        self._poll: select.poll | None = None
        self._thread_of: dict[int, int] = {}
        # Every waiting thread polls every other thread's pipe: T * (T - 1) pipes per
        # round.  The pause between two polls grows with T squared, so polling costs
        # the team about the same small share of a CPU at any size (a team of 16
        # polls at each check; a team of 1,000 once a second, else its waiting
        # threads would take the CPUs from the threads they wait for).
        self._interval = min(1.0, POLL_COST * len(sentinels) ** 2)
        self._next_poll = 0.0

    def check(self) -> None:
        words = self.arena.words
        if words[ABORT]:
            raise TeamAborted("another thread of the team failed")
        if not self.sentinels:
            return
        if self._interval > MIN_POLL_INTERVAL:
            now = time.monotonic()
            if now < self._next_poll:
                return
            self._next_poll = now + self._interval
        if self._poll is None:
            # poll, not select: select cannot watch a descriptor numbered 1024 or
            # more, which a program with many open files (or a big team) has.
            self._poll = select.poll()
            for thread, fd in self.sentinels.items():
                self._poll.register(fd, select.POLLIN)
                self._thread_of[fd] = thread
        for fd, _ in self._poll.poll(0):
            thread = self._thread_of[fd]
            if not words[FINISHED + thread]:
                words[ABORT] = 1
                raise TeamAborted(f"thread {thread} of the team died")

    def wait(
        self, semaphore: object, stuck: Callable[[], None] | None = None, what: object = None
    ) -> None:
        """Acquire ``semaphore``, checking the team between short timed waits.

        ``stuck``, called at each check, raises ``TeamDeadlock`` when what this
        thread waits for can no longer happen (see ``Team._barrier``); ``what`` it
        waits for goes on the team's board if the wait lasts (deadlock.Stall).
        """
        acquire = semaphore.acquire  # type: ignore[attr-defined]
        if acquire(False):
            return
        # Most waits are short (the holder of a critical section, or a barrier's last
        # thread, runs on another CPU): look again for a few microseconds first, since
        # sleeping in the semaphore costs a wake-up of tens of microseconds.  Not by
        # yielding the CPU: on a busy machine each yield can give away milliseconds.
        if self.spin:
            until = time.perf_counter() + self.spin
            while time.perf_counter() < until:
                if acquire(False):
                    return
        delay = 0.002
        stall: deadlock.Stall | deadlock.NoStall = deadlock.NO_STALL
        try:
            while not acquire(True, delay):
                try:
                    self.check()
                except TeamAborted:
                    # A thread may pass the barrier and fail before this one woke up: the
                    # token it left is then already here, and this thread is not aborted.
                    if acquire(False):
                        return
                    raise
                if stuck is not None:
                    stuck()
                if stall is deadlock.NO_STALL:  # made only once the wait has lasted
                    stall = deadlock.stall(what)
                stall.tick()
                delay = min(delay * 2, 0.05)
        finally:
            stall.end()

    def sleep_until(self, condition: Callable[[], bool], what: object = None) -> None:
        """Poll ``condition`` (cheap shared-memory reads) until true, checking the team.

        A short wait (an ``ordered`` turn passed on by the next thread) is caught by
        yielding the CPU a few hundred times; only a long one sleeps.  ``what``: as
        for :meth:`wait`.
        """
        for _ in range(200):
            if condition():
                return
            os.sched_yield()
        delay = 1e-5
        stall = deadlock.stall(what)
        try:
            while not condition():
                self.check()
                stall.tick()
                time.sleep(delay)
                delay = min(delay * 2, 0.005)
        finally:
            stall.end()
