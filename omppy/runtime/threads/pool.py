"""The worker threads, kept between regions.

Starting a thread costs tens of microseconds; a region of the threads backend should
cost about that in all.  So a worker, its part of a region done, goes back to the
pool and waits (spinning briefly where that pays, then asleep on its own queue) for
the next one.  Nested teams take more workers; the pool grows as needed and never
shrinks (idle workers sleep, and are daemons: they do not keep a program alive).
"""

from __future__ import annotations

import _thread
import threading
from collections.abc import Callable

from .. import state
from .park import Parker, spin_budget

Job = Callable[[], None]

_guard = _thread.allocate_lock()
_idle: list[Worker] = []
_started = 0
# the pooled threads' identifiers: whose ``_omp_private`` copies are their own
# (threads/private.py; a thread the program started shares the initial ones)
idents: set[int] = set()


class Worker:
    """One pooled thread: runs the jobs it is given, one at a time."""

    def __init__(self) -> None:
        global _started
        self.parker = Parker()
        self.job: Job | None = None
        self.retired = False  # its team was interrupted: leave, do not come back
        self.in_body = False  # running a region's body (may be interrupted)
        self.ident: int | None = None
        _started += 1
        self.thread = threading.Thread(
            target=self._live, name=f"omppy-worker-{_started}", daemon=True
        )
        self.thread.start()

    def give(self, job: Job) -> None:
        self.job = job
        self.parker.unpark()

    def _live(self) -> None:
        self.ident = _thread.get_ident()
        idents.add(self.ident)
        try:
            self._serve()
        finally:
            idents.discard(self.ident)

    def _serve(self) -> None:
        state.give_thread_a_stack()
        while not self.retired:
            try:
                self._wait_for_job()
                job, self.job = self.job, None
                if job is not None:
                    job()  # a job never raises: it reports to its team
            except BaseException:  # a stray interruption (see region.py): start over
                continue

    def back(self) -> None:
        """Its job is as good as done: the worker is idle again.  Called by the job
        before it tells its team it is done, so the team's master, starting its next
        region at once, finds this worker in the pool instead of starting a new
        thread; a job given meanwhile waits until this one returns."""
        with _guard:
            if not self.retired:
                _idle.append(self)

    def _wait_for_job(self) -> None:
        for _ in range(spin_budget(2)):
            if self.job is not None:
                return
        while self.job is None and not self.retired:
            self.parker.park()


def take(count: int) -> list[Worker]:
    """``count`` workers ready for a job (idle ones first, new ones if need be)."""
    with _guard:
        keep = max(0, len(_idle) - count)
        taken = _idle[keep:]
        del _idle[keep:]
    while len(taken) < count:
        taken.append(Worker())
    return taken


def retire(workers: list[Worker]) -> None:
    """Never reuse ``workers`` (their team was interrupted: an exception meant to stop
    them may still be on its way); each leaves when its current job ends."""
    with _guard:
        for worker in workers:
            worker.retired = True
            if worker in _idle:
                _idle.remove(worker)
    for worker in workers:
        worker.parker.unpark()
