"""Open files a fork team's threads write: one file description, a buffer per process.

A file object opened before a region (``log = open(path, "w")``) is copied into every
forked worker with its buffer; the operating system's file description (its offset)
stays one, shared.  So a worker's ``log.write(...)`` (under ``critical``, as the
program writes it) waited in the worker's own buffer and was lost when the worker
ended; and text the master had buffered before the fork would be written by every
process that flushed it.  So, for the buffered files open for writing that the
region can name (its arguments and its module's globals, and one level inside them:
``self.fh``; a module's globals are looked at again only when their number changes):

- the master flushes them before the fork;
- every thread flushes them when it leaves a synchronisation block (``critical``,
  ``ordered``, ``single``... : the writes reach the shared offset in the blocks'
  order) and a worker again when its part ends (or fails).

Not handled: a file *read* by a worker (each process reads ahead into its own copy of
the buffer, and the shared offset moves for all; omppy cannot tell a worker's read
from the master's from a position).  The threads backend shares one file object and
needs none of this.
"""

from __future__ import annotations

import io
import sys
import types
from collections.abc import Iterable, Iterator
from typing import Any

# The concrete buffered file types (C types: ``issubclass`` on them is quick, unlike
# ``isinstance`` against the ``io`` ABCs), and what each type a region meets is.
_BUFFERED = (io.TextIOWrapper, io.BufferedWriter, io.BufferedReader, io.BufferedRandom)
_FILE, _HOLDER, _OTHER = 0, 1, 2
_kinds: dict[type, int] = {}
_NOT_INSIDE = (type, types.FunctionType, types.ModuleType, types.BuiltinFunctionType)


def _kind(kind: type) -> int:
    """A file, an object or dict that may hold one (looked into), or neither."""
    found = _kinds.get(kind)
    if found is None:
        if issubclass(kind, _BUFFERED):
            found = _FILE
        elif kind is dict or (
            getattr(kind, "__dictoffset__", 0) != 0 and not issubclass(kind, _NOT_INSIDE)
        ):
            found = _HOLDER
        else:
            found = _OTHER
        _kinds[kind] = found
    return found


def _standard() -> tuple[Any, ...]:
    streams = (sys.stdin, sys.stdout, sys.stderr, sys.__stdin__, sys.__stdout__, sys.__stderr__)
    return streams + tuple(getattr(s, "buffer", None) for s in streams)


class TeamFiles:
    """The region's open buffered files written to: ``writers`` (name, file)."""

    __slots__ = ("writers",)

    def __init__(self, writers: list[tuple[str, Any]]) -> None:
        self.writers = writers

    def flush(self) -> None:
        """Hand what this process buffered to the shared file offset (see the module)."""
        for _, file in self.writers:
            try:
                file.flush()
            except (OSError, ValueError):
                pass  # closed meanwhile, or a broken pipe: the program's own write says so


# How far :func:`gather` looks into an object or a dict it is handed (``self.fh``,
# ``handles["log"]``): one level, up to this many values each.
_INSIDE = 64


def _candidates(named: Iterable[tuple[str, Any]]) -> Iterator[tuple[str, Any]]:
    """The files among ``named`` and one level inside its objects and dicts."""
    kinds = _kinds
    for name, value in named:
        kind = kinds.get(type(value))
        if kind is None:
            kind = _kind(type(value))
        if kind == _OTHER:
            continue
        if kind == _FILE:
            yield name, value
            continue
        inside = value if type(value) is dict else getattr(value, "__dict__", None)
        if type(inside) is not dict or len(inside) > _INSIDE:
            continue
        for key, item in inside.items():
            if kinds.get(type(item)) == _FILE or (
                type(item) not in kinds and _kind(type(item)) == _FILE
            ):
                spelled = f"{name}[{key!r}]" if inside is value else f"{name}.{key}"
                yield spelled, item


# A module's globals, scanned again only when their number changes: id(namespace) ->
# (its length then, the names that held a file or an object or dict that may).  A
# region in a loop meets the same globals every time: only those few are looked at.
_holders_of: dict[int, tuple[int, list[str]]] = {}


def gather_region(call: dict[str, Any], namespace: dict[str, Any] | None) -> TeamFiles | None:
    """The files a region can name: its arguments, its module's globals (see
    ``_holders_of``), and one level inside them."""
    if namespace is None:
        return gather(call.items())
    known = _holders_of.get(id(namespace))
    if known is None or known[0] != len(namespace):
        kinds = _kinds
        names = [
            name
            for name, value in namespace.items()
            if (kinds.get(type(value)) if type(value) in kinds else _kind(type(value))) != _OTHER
        ]
        known = _holders_of[id(namespace)] = (len(namespace), names)
    globals_named = [(name, namespace[name]) for name in known[1] if name in namespace]
    return gather([*call.items(), *globals_named])


def gather(named: Iterable[tuple[str, Any]]) -> TeamFiles | None:
    """The open buffered files among ``named`` (a region's arguments and its module's
    globals) and one level inside them, or None (nearly always: nothing to do)."""
    writers: list[tuple[str, Any]] = []
    seen: set[int] = set()
    standard: tuple[Any, ...] | None = None
    for name, value in _candidates(named):
        if id(value) in seen:
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
        except (OSError, ValueError):
            continue
    if not writers:
        return None
    return TeamFiles(writers)
