"""How a thread of a team waits: spin briefly, then sleep on a queue of its own.

A :class:`Parker` is a queue only its thread reads: parking takes an item (and so
sleeps until there is one), unparking puts one unless one is waiting already.  An
unpark that comes before the park leaves that permit and the park returns at once,
so every waiter re-checks what it waits for in a loop: wake-ups may be spurious,
never lost.

Spinning pays only where the threads really run at once: with the GIL a spinning
thread holds the interpreter the others need, and with more threads than CPUs it
takes a CPU from the thread it waits for.  So the spin budget is zero in those cases,
and a team halves its budget each time a spin ends in sleep (a busy machine, long
waits) and doubles it, up to the limit, each time a spin succeeds.
"""

from __future__ import annotations

import time
from _queue import Empty, SimpleQueue

from ..backend import gil_enabled
from ..icv import available_cpus

# Checks of a cheap condition before sleeping: at most about 100 us, longer than a
# barrier or a chunk hand-out takes when the threads run at once; at least a few.
SPIN_CHECKS = 2000
SPIN_FLOOR = 16
CPUS_FRESH = 0.1  # seconds an affinity mask read stays current


class SpinBudget:
    """How many times a waiting thread re-checks before sleeping, learned from how
    the last waits went (shared by every team of the process)."""

    def __init__(self) -> None:
        self.checks = SPIN_CHECKS
        self.cpus = 0
        self.cpus_read = -CPUS_FRESH  # when (time.monotonic())

    def for_team(self, team_size: int) -> int:
        """The budget for a team this size: zero where spinning cannot pay."""
        if gil_enabled() or team_size > self.usable_cpus():
            return 0
        return self.checks

    def usable_cpus(self) -> int:
        """The process's CPUs, read again at most every CPUS_FRESH seconds (a system
        call: twice per region otherwise)."""
        now = time.monotonic()
        if now - self.cpus_read > CPUS_FRESH:
            self.cpus, self.cpus_read = available_cpus(), now
        return self.cpus

    def paid(self) -> None:
        self.checks = min(self.checks * 2, SPIN_CHECKS)

    def wasted(self) -> None:
        self.checks = max(self.checks // 2, SPIN_FLOOR)


SPIN = SpinBudget()


def spin_budget(team_size: int) -> int:
    """How many times a waiting thread of a team this size re-checks before sleeping."""
    return SPIN.for_team(team_size)


class Parker:
    """One thread's sleeping place (a binary permit).

    A ``_queue.SimpleQueue`` rather than a lock: on a free-threaded CPython a lock's
    blocking ``acquire`` first calls ``sched_yield`` up to 40 times (``Python/lock.c``),
    which on a busy machine hands the CPU to other processes 40 times per wait (80
    system calls and most of the cost of an empty region, measured); the queue's
    ``get`` sleeps in the parking lot at once.  Our own spin (``SPIN``) comes first.
    """

    __slots__ = ("queue",)

    def __init__(self) -> None:
        self.queue: SimpleQueue[None] = SimpleQueue()

    def park(self, timeout: float = -1) -> bool:
        """Sleep until :meth:`unpark` (or return at once if it already came); False
        when ``timeout`` passed first."""
        try:
            if timeout < 0:
                self.queue.get()
            else:
                self.queue.get(True, timeout)
        except Empty:
            return False
        return True

    def unpark(self) -> None:
        """Wake the thread (or leave a permit for its next park)."""
        queue = self.queue
        if queue.empty():  # (two racing wakers may leave two: one spurious wake-up)
            queue.put(None)
