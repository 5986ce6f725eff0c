"""The progress bar of ``omppy run --progress`` / ``OMPPY_PROGRESS=1`` (docs/tracing.md).

Each thread of the outermost team adds the iterations it finished to its own word of
a shared-memory counter block (mapped before the first fork, so every worker writes
into the same page; one writer per word, so no lock); ``runtime/observe.py`` does the
counting in its timed ``loop``.  The master alone draws: a small thread of its own
wakes ten times a second while a work-sharing loop runs, sums the words, and redraws
one line on stderr, with the rate and the time left.  Nothing is drawn unless stderr
is a terminal, nothing for a loop that ends within :data:`DELAY`, and never a byte
on stdout.

The drawing thread runs only while a region of the outermost team does, and writes
with ``os.write`` alone (no Python lock it could hold when a nested team forks).
"""

from __future__ import annotations

import mmap
import os
import sys
import threading
import time
from typing import Any

CAPACITY = 4096  # threads whose iterations are counted (more are not)
DELAY = 0.3  # seconds a loop runs before its bar appears
PERIOD = 0.1  # seconds between redraws


def wanted() -> bool:
    """Whether a bar can be drawn: stderr is a terminal."""
    try:
        return os.isatty(sys.stderr.fileno())
    except (AttributeError, OSError, ValueError):
        return False


class Progress:
    """The counters, the loop being shown, and the drawing thread (in the master)."""

    def __init__(self) -> None:
        from .runtime.forking import tolerate_threads

        self._memory = mmap.mmap(-1, 8 * CAPACITY)  # anonymous and MAP_SHARED
        self.counts = memoryview(self._memory).cast("q")
        self.size = 0
        self.total = 0  # iterations of the region's loops so far: where the next starts
        self.loop: list[Any] | None = None  # [where, n, base, begin, drawn]
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        tolerate_threads(lambda thread: thread is self._thread)

    # -- called by the observer (runtime/observe.py) ------------------------------------------

    def region_start(self, size: int) -> memoryview:
        """A region of the outermost team is about to fork: counters back to zero."""
        self.size = min(size, CAPACITY)
        self._memory[: 8 * self.size] = bytes(8 * self.size)
        self.total = 0
        self.loop = None
        return self.counts

    def loop_start(self, where: str, n: int) -> None:
        """Thread 0 begins a work-sharing loop of ``n`` iterations."""
        with self._lock:
            self._close_loop()
            self.loop = [where, n, self.total, time.monotonic(), False]
            self.total += n
        if self._thread is None:
            self._stop.clear()
            self._thread = threading.Thread(target=self._run, name="omppy-progress", daemon=True)
            self._thread.start()

    def region_end(self, failed: bool) -> None:
        """The region is joined (or failed): the last state of its bar, then no thread."""
        thread = self._thread
        if thread is not None:
            self._stop.set()
            thread.join()
            self._thread = None
        with self._lock:
            if failed and self.loop is not None and self.loop[4]:
                _write("\r\x1b[K")
                self.loop = None
            self._close_loop()

    # -- the drawing thread ------------------------------------------------------------------

    def _run(self) -> None:
        while not self._stop.wait(PERIOD):
            with self._lock:
                self._draw(final=False)

    def _close_loop(self) -> None:
        # A loop that ran long enough gets its last line even if the drawing thread
        # never had its turn (a busy machine).
        loop = self.loop
        if loop is not None and (loop[4] or time.monotonic() - loop[3] >= DELAY):
            loop[4] = True
            self._draw(final=True)
        self.loop = None

    def _done(self, base: int, n: int) -> int:
        finished = sum(self.counts[: self.size])
        return max(0, min(n, finished - base))

    def _draw(self, final: bool) -> None:
        loop = self.loop
        if loop is None:
            return
        where, n, base, begin, drawn = loop
        elapsed = time.monotonic() - begin
        if not drawn and elapsed < DELAY:
            return
        done = self._done(base, n)
        complete = done >= n
        end = "\n" if complete or final else ""
        _write("\r\x1b[K" + bar_line(where, done, n, elapsed, _width()) + end)
        loop[4] = True
        if complete or final:
            self.loop = None


def bar_line(where: str, done: int, n: int, elapsed: float, width: int) -> str:
    """``where [#####.....] 43% 86,000/200,000 12,345 it/s 9 s left``, fitted to ``width``."""
    share = done / n if n else 1.0
    rate = done / elapsed if elapsed > 0 else 0.0
    if done >= n:
        tail = f"{done:,}/{n:,} in {elapsed:.1f} s"
    elif rate > 0:
        tail = f"{done:,}/{n:,} {rate:,.0f} it/s {(n - done) / rate:.0f} s left"
    else:
        tail = f"{done:,}/{n:,}"
    name = os.path.basename(where)
    text = f" {share:4.0%} {tail}"
    room = width - len(name) - len(text) - 4
    if room < 10:
        return f"{name}{text}"[: max(width - 1, 10)]
    room = min(room, 40)
    filled = int(room * share)
    return f"{name} [{'#' * filled}{'.' * (room - filled)}]{text}"


def _width() -> int:
    try:
        columns = os.get_terminal_size(sys.stderr.fileno()).columns
    except (AttributeError, OSError, ValueError):
        columns = 0
    return columns or 80  # a terminal that does not say its size (a new pty) gets 80


def _write(text: str) -> None:
    data = text.encode("utf-8", "replace")
    try:
        while data:
            data = data[os.write(2, data) :]
    except OSError:
        pass
