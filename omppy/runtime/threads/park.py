"""How a thread of a team waits: spin briefly, then sleep on a lock of its own.

A :class:`Parker` is a lock its thread holds; parking acquires it again (and so
sleeps) until another thread releases it.  A release that comes before the park
leaves a permit and the park returns at once, so every waiter re-checks what it waits
for in a loop: wake-ups may be spurious, never lost.

Spinning pays only where the threads really run at once: with the GIL a spinning
thread holds the interpreter the others need, and with more threads than CPUs it
takes a CPU from the thread it waits for.  So the spin budget is zero in those cases.
"""

from __future__ import annotations

import _thread

from ..backend import gil_enabled
from ..icv import available_cpus

# Checks of a cheap condition before sleeping: about 20-60 us on this kind of CPU,
# longer than a barrier or a chunk hand-out takes when the threads run at once.
SPIN_CHECKS = 2000


def spin_budget(team_size: int) -> int:
    """How many times a waiting thread of a team this size re-checks before sleeping."""
    if gil_enabled() or team_size > available_cpus():
        return 0
    return SPIN_CHECKS


class Parker:
    """One thread's sleeping place (a binary permit)."""

    __slots__ = ("lock",)

    def __init__(self) -> None:
        self.lock = _thread.allocate_lock()
        self.lock.acquire()

    def park(self, timeout: float = -1) -> None:
        """Sleep until :meth:`unpark` (or return at once if it already came)."""
        if self.lock.acquire(True, timeout):
            return

    def unpark(self) -> None:
        """Wake the thread (or leave a permit for its next park)."""
        try:
            self.lock.release()
        except RuntimeError:  # a permit is already waiting
            pass
