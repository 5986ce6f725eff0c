"""The event recorder behind ``OMPPY_TRACE`` and ``OMPPY_REPORT`` (docs/tracing.md).

Every process of the program (the master, each forked worker, the workers of nested
teams) keeps its own list of spans: ``(name, category, team key, thread number,
begin, end, args)``.  Times are ``time.perf_counter_ns()``, which on Linux reads
``CLOCK_MONOTONIC``: one clock for every process of the machine, so spans recorded
by different processes line up without any correction.

A worker's spans reach the master through a *spool*: a temporary file the master
opens (``O_APPEND``) and unlinks before its first fork, which every process inherits.  A worker
appends its spans, as one pickled block under a POSIX record lock, just before it
exits (``worker.py`` calls :meth:`Recorder.worker_exit`).  At the program's end the
master reads the spool, adds its own spans, and writes the Chrome trace-event JSON
(:func:`chrome_trace`) and/or prints the report (``omppy/report.py``); a program that
fails ends through the same ``atexit`` handler.

The team key names a team's tracks: ``()`` for the team the program's initial thread
starts, ``(2,)`` for a team started by thread 2 of that team, ``(2, 1)`` one level
deeper.  Teams with the same key never run at the same time, so they share tracks.
"""

from __future__ import annotations

import os
import pickle
import struct
import time
from typing import Any

now = time.perf_counter_ns  # one clock for all processes (CLOCK_MONOTONIC on Linux)

Key = tuple[int, ...]
# name, category, team key, thread number, begin (ns), end (ns), args
Span = tuple[str, str, Key, int, int, int, "dict[str, Any] | None"]

_BLOCK = struct.Struct("<q")


class Recorder:
    """This process's spans, and the spool that carries workers' spans to the master."""

    def __init__(self) -> None:
        import tempfile  # here: the runtime's import stays as light when nothing is watched

        self.spans: list[Span] = []
        self.origin = now()
        self.master_pid = os.getpid()
        # O_APPEND: each worker's block lands at the end, whatever the others wrote.
        # Unlinked at once: nothing is left behind, whatever becomes of the program.
        fd, path = tempfile.mkstemp(prefix="omppy-trace-", suffix=".spool")
        os.close(fd)
        self.spool = os.open(path, os.O_RDWR | os.O_APPEND | os.O_CLOEXEC)
        os.unlink(path)
        os.register_at_fork(after_in_child=self._forked)

    def _forked(self) -> None:
        # A worker starts with a copy of its parent's spans: they are the parent's to
        # report, not the worker's.
        self.spans = []

    def add(
        self,
        name: str,
        category: str,
        key: Key,
        tid: int,
        begin: int,
        end: int,
        args: dict[str, Any] | None = None,
    ) -> None:
        self.spans.append((name, category, key, tid, begin, end, args))

    def worker_exit(self) -> None:
        """Append this worker's spans to the spool (called just before ``os._exit``)."""
        if not self.spans:
            return
        import fcntl

        data = pickle.dumps(self.spans, protocol=pickle.HIGHEST_PROTOCOL)
        self.spans = []
        block = memoryview(_BLOCK.pack(len(data)) + data)
        # A record lock (per process, unlike flock on the inherited descriptor) keeps
        # two workers' blocks apart even if one write comes back short.
        fcntl.lockf(self.spool, fcntl.LOCK_EX)
        try:
            while block:
                block = block[os.write(self.spool, block) :]
        finally:
            fcntl.lockf(self.spool, fcntl.LOCK_UN)

    def collect(self) -> list[Span]:
        """Every span of the program: the workers' (from the spool) and this process's."""
        spans: list[Span] = []
        try:
            data = os.pread(self.spool, os.fstat(self.spool).st_size, 0)
        except OSError:
            data = b""
        offset = 0
        while offset + _BLOCK.size <= len(data):
            (length,) = _BLOCK.unpack_from(data, offset)
            offset += _BLOCK.size
            if offset + length > len(data):
                break  # a worker killed in the middle of its write
            spans.extend(pickle.loads(data[offset : offset + length]))
            offset += length
        spans.extend(self.spans)
        return spans

    def close(self) -> None:
        try:
            os.close(self.spool)
        except OSError:
            pass


# -- the Chrome / Perfetto trace-event format -----------------------------------------


def team_label(key: Key) -> str:
    if not key:
        return "team (level 1)"
    path = ".".join(str(k) for k in key)
    return f"team of thread {path} (level {len(key) + 1})"


def chrome_trace(spans: list[Span], origin: int) -> dict[str, Any]:
    """The trace-event JSON object (``{"traceEvents": [...]}``) for ``spans``.

    Each team key is a process (``pid``), each of its threads a thread (``tid``); the
    ``M`` events name them.  Spans are complete events (``ph: "X"``), microseconds
    since the program's start.
    """
    keys = sorted({span[2] for span in spans}, key=lambda k: (len(k), k))
    pids = {key: index + 1 for index, key in enumerate(keys)}
    threads = sorted({(span[2], span[3]) for span in spans})
    events: list[dict[str, Any]] = []
    for key in keys:
        pid = pids[key]
        events.append(
            {"ph": "M", "name": "process_name", "pid": pid, "tid": 0,
             "args": {"name": team_label(key)}}
        )
        events.append(
            {"ph": "M", "name": "process_sort_index", "pid": pid, "tid": 0,
             "args": {"sort_index": pid}}
        )
    for key, tid in threads:
        name = f"thread {tid}" + (" (master)" if tid == 0 else "")
        events.append(
            {"ph": "M", "name": "thread_name", "pid": pids[key], "tid": tid,
             "args": {"name": name}}
        )
        events.append(
            {"ph": "M", "name": "thread_sort_index", "pid": pids[key], "tid": tid,
             "args": {"sort_index": tid}}
        )
    # Longer spans first at equal starts: viewers nest a span in the one before it.
    for name, category, key, tid, begin, end, args in sorted(
        spans, key=lambda s: (s[4], -(s[5] - s[4]))
    ):
        event: dict[str, Any] = {
            "name": name,
            "cat": category,
            "ph": "X",
            "ts": (begin - origin) / 1000,
            "dur": max(end - begin, 0) / 1000,
            "pid": pids[key],
            "tid": tid,
        }
        if args:
            event["args"] = args
        events.append(event)
    return {"traceEvents": events, "displayTimeUnit": "ms"}
