"""The team arena: shared memory and semaphores that every thread of a team maps.

Created by a team's master *before* it forks, so every worker inherits the same
mapping and the same semaphores; nothing is ever passed over a connection, and
nothing outlives the processes: the memory is an anonymous ``MAP_SHARED`` mapping
and the semaphores are unlinked at creation (``multiprocessing``'s fork context).

Layout of the mapping::

    words  : int64 control words (abort flag, barrier, finished flags, work shares)
    slots  : per-thread exchange buffers, two per thread (barrier parity), for values
             that threads hand each other at a barrier (reduction partials,
             lastprivate values, store logs)

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
from typing import Any

from . import limits
from .errors import ExchangeOverflow, TeamAborted
from .limits import describe_size

WORD = 8
WORKSHARE_RING = 64  # work-sharing constructs that may be in flight at once (nowait)
CRITICAL_LOCKS = 16  # distinct critical names a team can hold apart

# Control word indices.
ABORT = 0
BARRIER_COUNT = 1
BARRIER_GEN = 2
CRITICAL_NAMES = 3  # number of critical names assigned to locks so far
STORE_VERSION = 4  # bumped at every publication to the shared-name store
STORE_LENGTH = 5  # bytes of the pickled store
FINISHED = 8  # + thread number: the thread finished its part normally
_HEADER_WORDS = 8
WS_FIELDS = 4  # per work share: [construct id, next, done count, spare]

# The arena's attributes that hold semaphores (dropped by ``Arena.close``).
_SEMAPHORES = (
    "lock",
    "output_lock",
    "barrier_sems",
    "critical_locks",
    "atomic_lock",
    "store_lock",
)
_CTX = multiprocessing.get_context("fork") if hasattr(os, "fork") else None
_LEN = struct.Struct("<q")


class Arena:
    """Shared control words, semaphores and exchange buffers for a team of ``capacity``."""

    def __init__(self, capacity: int) -> None:
        assert _CTX is not None
        self.capacity = capacity
        self.creator = os.getpid()
        self.ws_base = FINISHED + capacity
        self.n_words = self.ws_base + WORKSHARE_RING * WS_FIELDS + CRITICAL_LOCKS * 8
        self.names_base = self.ws_base + WORKSHARE_RING * WS_FIELDS
        control_bytes = -(-self.n_words * WORD // mmap.PAGESIZE) * mmap.PAGESIZE
        self.slot_base = control_bytes
        # Read when the arena is made, so a bad OMPPY_EXCHANGE_MB is a ConfigError;
        # smaller than it asks under an address-space limit (slot_note says so).
        slots = 2 * capacity + 1
        self.slot_bytes, self.slot_note = limits.exchange_slot_bytes(slots, control_bytes)
        self.store_base = control_bytes + 2 * capacity * self.slot_bytes
        size = self.store_base + self.slot_bytes
        self.memory = limits.map_exchange(size, slots, self.slot_bytes)
        self.words = memoryview(self.memory).cast("B")[:control_bytes].cast("q")
        self.lock = _CTX.Lock()  # guards control words
        self.output_lock = _CTX.Lock()
        self.barrier_sems = (_CTX.Semaphore(0), _CTX.Semaphore(0))
        self.critical_locks = [_CTX.RLock() for _ in range(CRITICAL_LOCKS)]
        self.atomic_lock = _CTX.RLock()
        self.store_lock = _CTX.Lock()
        self.critical_names: dict[str, int] = {}
        self.in_use = False
        self.broken = False

    def reset(self, size: int) -> None:
        """Prepare the control words for a new team of ``size`` threads."""
        words = self.words
        self.memory[: self.n_words * WORD] = bytes(self.n_words * WORD)
        for ws in range(WORKSHARE_RING):
            words[self.ws_base + ws * WS_FIELDS] = -1
        self.critical_names = {}

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

    # -- the store of shared names bound in critical, single, master... ---------------

    def store_version(self) -> int:
        return self.words[STORE_VERSION]

    def load_store(self) -> dict[str, tuple[int, bytes]]:
        """The latest published values of shared names, each still pickled.

        Call with ``store_lock`` held.  Values stay pickled one by one, so a thread
        unpickles only the names it needs, and a publish re-pickles only its own.
        """
        length = self.words[STORE_LENGTH]
        if length == 0:
            return {}
        start = self.store_base
        result: dict[str, tuple[int, bytes]] = pickle.loads(self.memory[start : start + length])
        return result

    def publish(self, values: dict[str, Any]) -> int:
        """Merge ``values`` into the store; returns the new version.

        The store maps each name to ``(version, pickled value)``, so a thread can tell
        which names changed since it last looked.
        """
        protocol = pickle.HIGHEST_PROTOCOL
        pickled = {name: pickle.dumps(value, protocol=protocol) for name, value in values.items()}
        with self.store_lock:
            merged = self.load_store()
            version = int(self.words[STORE_VERSION]) + 1
            merged.update({name: (version, data) for name, data in pickled.items()})
            data = pickle.dumps(merged, protocol=pickle.HIGHEST_PROTOCOL)
            if len(data) > self.slot_bytes:
                raise ExchangeOverflow(
                    f"the shared names bound in synchronisation constructs take "
                    f"{describe_size(len(data))}, more than the "
                    f"{describe_size(self.slot_bytes)} store{self.slot_note}; raise "
                    "OMPPY_EXCHANGE_MB"
                )
            self.memory[self.store_base : self.store_base + len(data)] = data
            self.words[STORE_LENGTH] = len(data)
            self.words[STORE_VERSION] += 1
            return int(self.words[STORE_VERSION])

    def snapshot(self) -> tuple[int, dict[str, tuple[int, bytes]]]:
        with self.store_lock:
            return int(self.words[STORE_VERSION]), self.load_store()

    def release_exchange_pages(self) -> None:
        """Give the pages the buffers touched back to the system between teams."""
        if hasattr(mmap, "MADV_REMOVE"):
            try:
                self.memory.madvise(mmap.MADV_REMOVE, self.slot_base)
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


class Liveness:
    """Tells a waiting thread whether its team is still whole.

    Every thread holds the write end of its own sentinel pipe and nothing writes to
    it; the read end turns readable (EOF) when the thread's process is gone, however
    it ended.  A thread that vanished without setting its FINISHED word failed.
    """

    def __init__(self, arena: Arena, sentinels: dict[int, int]) -> None:
        self.arena = arena
        self.sentinels = sentinels  # thread number -> read end of its sentinel pipe
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

    def wait(self, semaphore: object) -> None:
        """Acquire ``semaphore``, checking the team between short timed waits."""
        acquire = semaphore.acquire  # type: ignore[attr-defined]
        if acquire(False):
            return
        delay = 0.002
        while not acquire(True, delay):
            try:
                self.check()
            except TeamAborted:
                # A thread may pass the barrier and fail before this one woke up: the
                # token it left is then already here, and this thread is not aborted.
                if acquire(False):
                    return
                raise
            delay = min(delay * 2, 0.05)

    def sleep_until(self, condition: Callable[[], bool]) -> None:
        """Poll ``condition`` (cheap shared-memory reads) until true, checking the team.

        A short wait (an ``ordered`` turn passed on by the next thread) is caught by
        yielding the CPU a few hundred times; only a long one sleeps.
        """
        for _ in range(200):
            if condition():
                return
            os.sched_yield()
        delay = 1e-5
        while not condition():
            self.check()
            time.sleep(delay)
            delay = min(delay * 2, 0.005)
