"""Waiting inside a pymp team without ever waiting for a thread that is gone.

Blocking operations on shared objects (``queue.get``, a full ``queue.put``,
``p.iterate``) poll cheap shared words and check, between naps, every team this
process belongs to: a thread that failed (the team's abort word) or died (its
report pipe closed without its finished word, arena.Liveness) ends the wait with
:class:`~omppy.runtime.errors.TeamAborted`, which the team's master turns into the
original failure.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable

from ..runtime.arena import Liveness

# The liveness watchers of the teams this process is a thread of, outermost first.
watched: list[Liveness] = []

SPINS = 200  # yields before the first nap: a hand-off between two busy threads


def check_teams() -> None:
    """Raise TeamAborted if a thread of any enclosing team failed or died."""
    for liveness in watched:
        liveness.check()


def wait_until(ready: Callable[[], bool], timeout: float | None = None) -> bool:
    """Poll ``ready`` until true (True) or ``timeout`` seconds pass (False)."""
    deadline = None if timeout is None else time.monotonic() + max(timeout, 0.0)
    for _ in range(SPINS):
        if ready():
            return True
        if deadline is not None and time.monotonic() >= deadline:
            return False
        os.sched_yield()
    delay = 1e-5
    while not ready():
        check_teams()
        if deadline is None:
            time.sleep(delay)
        else:
            left = deadline - time.monotonic()
            if left <= 0:
                return ready()
            time.sleep(min(delay, left))
        delay = min(delay * 2, 0.005)
    return True
