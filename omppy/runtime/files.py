"""Open files a fork team's threads use: one file description, a buffer per process.

A file object opened before a region (``log = open(path, "w")``) is copied into every
forked worker with its buffer; the operating system's file description (its offset)
stays one, shared.  So a worker's ``log.write(...)`` (under ``critical``, as the
program writes it) waits in the worker's own buffer and was lost when the worker
ended; and text the master had buffered before the fork would be written by every
process that flushed it.  So, for the buffered files the region can name (its
arguments and its module's globals, and one level inside them: ``self.fh``):

- the master flushes the ones open for writing before the fork;
- every thread flushes them when it leaves a synchronisation block (``critical``,
  ``ordered``, ``single``... : the writes reach the shared offset in the blocks'
  order) and a worker again when its part ends;
- a worker that *read* from a file open only for reading (its position moved) has
  taken data into its own buffer that the other processes never see: that is an
  error naming the file, raised when it leaves the block or its part ends.

The threads backend shares one file object and needs none of this.
"""

from __future__ import annotations

import io
import os
import sys
import types
from collections.abc import Iterable, Iterator
from typing import Any

from .errors import OmpError

_BUFFERED = (io.BufferedIOBase, io.TextIOBase)


def _standard() -> tuple[Any, ...]:
    streams = (sys.stdin, sys.stdout, sys.stderr, sys.__stdin__, sys.__stdout__, sys.__stderr__)
    return streams + tuple(getattr(s, "buffer", None) for s in streams)


def _position(file: Any) -> tuple[Any, ...]:
    """Where ``file`` stands: its own position and, for text, its buffer's (``tell``
    fails while a ``for`` loop reads a text file: the failure is a position too)."""
    marks: list[Any] = []
    for stream in (file, getattr(file, "buffer", None)):
        if stream is None:
            continue
        try:
            marks.append(stream.tell())
        except (OSError, ValueError) as error:
            marks.append(type(error).__name__)
    return tuple(marks)


class TeamFiles:
    """The region's open buffered files: ``writers`` (name, file) and ``readers``
    (name, file, position at the fork)."""

    __slots__ = ("master", "readers", "writers")

    def __init__(
        self, writers: list[tuple[str, Any]], readers: list[tuple[str, Any, tuple[Any, ...]]]
    ) -> None:
        self.writers = writers
        self.readers = readers
        self.master = os.getpid()

    def flush(self) -> None:
        for _, file in self.writers:
            try:
                file.flush()
            except (OSError, ValueError):
                pass  # closed meanwhile, or a broken pipe: the program's own write says so

    def settle(self, num: int) -> None:
        """Flush the files written; in a worker, refuse a read (see the module)."""
        self.flush()
        if os.getpid() == self.master:
            return
        for name, file, start in self.readers:
            if not file.closed and _position(file) != start:
                raise OmpError(
                    f"thread {num} read from the file '{name}', opened before the region: "
                    "each of omppy's threads is a process with its own copy of the file's "
                    "buffer, so what it read is lost to the other threads and to the "
                    f"master. Read the file before the region ('lines = {name}.readlines()') "
                    "and share the lines, or read it in '# omp master' only, or run the "
                    "region on the threads backend (OMPPY_BACKEND=threads)"
                )


# How far :func:`gather` looks into an object or a dict it is handed (``self.fh``,
# ``handles["log"]``): one level, up to this many values each.
_INSIDE = 64
_NOT_INSIDE = (type, types.FunctionType, types.ModuleType, types.BuiltinFunctionType)


def _candidates(named: Iterable[tuple[str, Any]]) -> Iterator[tuple[str, Any]]:
    for name, value in named:
        yield name, value
        if isinstance(value, (*_BUFFERED, *_NOT_INSIDE)):
            continue
        inside: Any
        if type(value) is dict:
            inside = value
        else:
            inside = getattr(value, "__dict__", None)
            if type(inside) is not dict:
                continue
        if len(inside) <= _INSIDE:
            for key, item in inside.items():
                if isinstance(item, _BUFFERED):
                    spelled = f"{name}[{key!r}]" if inside is value else f"{name}.{key}"
                    yield spelled, item


def gather(named: Iterable[tuple[str, Any]]) -> TeamFiles | None:
    """The open buffered files among ``named`` (a region's arguments and its module's
    globals) and one level inside them, or None (nearly always: nothing to do)."""
    writers: list[tuple[str, Any]] = []
    readers: list[tuple[str, Any, tuple[Any, ...]]] = []
    seen: set[int] = set()
    standard: tuple[Any, ...] | None = None
    for name, value in _candidates(named):
        if not isinstance(value, _BUFFERED) or id(value) in seen:
            continue
        seen.add(id(value))
        if standard is None:
            standard = _standard()
        if any(value is s for s in standard):
            continue  # stdout and stderr: output.py
        try:
            if value.closed:
                continue
            if value.writable():
                writers.append((name, value))
            elif value.readable():
                readers.append((name, value, _position(value)))
        except (OSError, ValueError):
            continue
    if not writers and not readers:
        return None
    return TeamFiles(writers, readers)
