"""The shared operation log behind ``shared.list``, ``dict`` and ``queue``.

pymp keeps these objects in a manager process and asks it for every operation (one
round trip each, and a process that must be started and must not die).  Here there is
no other process: each object is a log of operations in a shared, growable file
(``memfd``), and every process keeps its own replica of the object, which it brings
up to date by replaying the records appended since it last looked::

    header : generation, end of log, snapshot length, file size   (int64 each)
    data   : [snapshot of the whole object][record][record]...
    record : payload length (uint32), operation (uint8), payload

An operation takes the object's lock (``locks.ProcessMutex``: the kernel releases it
if its holder dies), replays what is new, applies itself to the local replica (so it
raises, as the built-in type would, before anything is written) and appends its
record.  An append or a dict store, which cannot fail once its key is known to be
hashable and whose effect does not depend on the object, only appends its record
when the replica is behind (another process wrote since it last looked): the replica
replays it with the rest at its next read, and the lock is held for a few
instructions (``_log_blind``).  So nothing is lost under contention, every process
sees the same order, and a reader that finds nothing new (two words unchanged) needs
no lock at all.  Items are
kept pickled, so every read unpickles a copy, as a pymp proxy returns one.

When the log reaches the end of the file, the writer replaces it with a snapshot of
the object (a new generation; readers that missed records reload it), and grows the
file when the snapshot would fill more than half of it.  The file never shrinks: a
process may still map the old size.
"""

from __future__ import annotations

import mmap
import os
import struct
import tempfile
import weakref
from typing import Any

from .locks import ProcessMutex

HEADER = struct.Struct("<qqqq")
_FRESHNESS = struct.Struct("<qq")  # the first two header words
RECORD = struct.Struct("<IB")
DATA = 64  # the header, padded
INITIAL_SIZE = 1 << 14


def anonymous_file(name: str) -> int:
    """A descriptor of a new file with no name: gone with its last descriptor and map."""
    if hasattr(os, "memfd_create"):
        return os.memfd_create(f"omppy-pymp-{name}")
    handle, path = tempfile.mkstemp(prefix="omppy-pymp-")  # pragma: no cover - not Linux
    os.unlink(path)
    return handle


def _close(holder: list[Any], fd: int) -> None:
    try:
        holder[0].close()
        os.close(fd)
    except (OSError, ValueError, BufferError):
        pass


class SharedLog:
    """One shared object: its log, its lock, and this process's replica ``_state``.

    Subclasses define the replica: ``_dump``/``_load`` (snapshot bytes) and ``_apply``
    (replay one record).
    """

    _kind = "object"

    def __init__(self, state: Any) -> None:
        self._fd = anonymous_file(self._kind)
        self._mutex = ProcessMutex()
        snapshot = self._dump(state)
        size = _size_for(len(snapshot) + 1)
        os.ftruncate(self._fd, size)
        self._memory = mmap.mmap(self._fd, size)
        self._holder = [self._memory]
        weakref.finalize(self, _close, self._holder, self._fd)
        self._mapped = size
        self._memory[DATA : DATA + len(snapshot)] = snapshot
        HEADER.pack_into(self._memory, 0, 0, DATA + len(snapshot), len(snapshot), size)
        self._generation = 0
        self._position = DATA + len(snapshot)
        self._snapshot = len(snapshot)
        self._state = state
        # Records this process logged blind (_log_blind), by position: replayed from
        # the objects it still holds, not unpickled again.
        self._blind: dict[int, Any] = {}

    # -- for subclasses ------------------------------------------------------------------

    def _dump(self, state: Any) -> bytes:
        raise NotImplementedError

    def _load(self, data: bytes) -> Any:
        raise NotImplementedError

    def _apply(self, op: int, payload: bytes) -> None:
        raise NotImplementedError

    def _apply_own(self, op: int, item: Any) -> None:
        """Replay a record this process logged blind, from what ``_log_blind`` kept."""
        raise NotImplementedError

    # -- reading -------------------------------------------------------------------------

    def _current(self) -> Any:
        """This process's replica, brought up to date with every other process's."""
        if _FRESHNESS.unpack_from(self._memory, 0) != (self._generation, self._position):
            with self._mutex:
                self._sync()
        return self._state

    def _changed_since(self, seen: tuple[int, int]) -> bool:
        return _FRESHNESS.unpack_from(self._memory, 0) != seen

    def _mark(self) -> tuple[int, int]:
        return _FRESHNESS.unpack_from(self._memory, 0)

    def _sync(self) -> None:
        """Replay what other processes appended (call with the mutex held)."""
        generation, end, snapshot, size = HEADER.unpack_from(self._memory, 0)
        if size != self._mapped:
            self._remap(size)
        memory = self._memory
        blind = self._blind
        if generation != self._generation:
            self._state = self._load(memory[DATA : DATA + snapshot])
            self._generation = generation
            self._position = DATA + snapshot
            self._snapshot = snapshot
            blind.clear()  # in the snapshot now; positions start again
        position = self._position
        apply = self._apply
        while position < end:
            length, op = RECORD.unpack_from(memory, position)
            start = position + RECORD.size
            if blind and position in blind:
                self._apply_own(op, blind.pop(position))
            else:
                apply(op, memory[start : start + length])
            position = start + length
        self._position = position

    # -- writing -------------------------------------------------------------------------

    def _append(self, op: int, payload: bytes = b"") -> None:
        """Log an operation already applied to the replica (call with the mutex held,
        after ``_sync``)."""
        end = self._position
        need = RECORD.size + len(payload)
        if end + need > self._mapped:
            self._compact()  # the snapshot includes this operation
            return
        memory = self._memory
        RECORD.pack_into(memory, end, len(payload), op)
        memory[end + RECORD.size : end + need] = payload
        self._position = end + need
        HEADER.pack_into(memory, 0, self._generation, end + need, self._snapshot, self._mapped)

    def _log_blind(self, op: int, payload: bytes, item: Any) -> bool:
        """Log an operation that cannot fail and does not depend on the object's
        state (an append, a store under a hashable key), replaying nothing first when
        this replica is behind (call with the mutex held).

        True: the record is at the end of the log, and this replica replays it with
        the others' records at its next read; under contention the lock is held for
        a few instructions (no replay, no unpickling while the other threads wait).
        False: nothing is logged and the replica is up to date (it was, or it did not
        fit and was synced): the caller applies the operation to it and ``_append``s.
        ``item``: what ``_apply_own`` replays the record from.
        """
        memory = self._memory
        generation, end, snapshot, size = HEADER.unpack_from(memory, 0)
        if generation == self._generation and end == self._position:
            return False  # the file grows only with a new generation: size is ours
        need = RECORD.size + len(payload)
        if end + need > size:
            self._sync()  # the caller's _append compacts
            return False
        if size != self._mapped:
            self._remap(size)
            memory = self._memory
        RECORD.pack_into(memory, end, len(payload), op)
        memory[end + RECORD.size : end + need] = payload
        HEADER.pack_into(memory, 0, generation, end + need, snapshot, size)
        self._blind[end] = item
        return True

    def _compact(self) -> None:
        snapshot = self._dump(self._state)
        if DATA + 2 * len(snapshot) > self._mapped:
            size = _size_for(2 * len(snapshot))
            os.ftruncate(self._fd, size)
            self._remap(size)
        memory = self._memory
        memory[DATA : DATA + len(snapshot)] = snapshot
        self._generation += 1
        self._position = DATA + len(snapshot)
        self._snapshot = len(snapshot)
        HEADER.pack_into(memory, 0, self._generation, self._position, self._snapshot, self._mapped)

    def _remap(self, size: int) -> None:
        self._memory.close()
        self._memory = self._holder[0] = mmap.mmap(self._fd, size)
        self._mapped = size

    def __reduce__(self) -> Any:
        raise TypeError(
            f"a pymp shared {self._kind} cannot be pickled: it is shared with the processes "
            "forked after it was made, and with no others"
        )


def _size_for(payload: int) -> int:
    size = INITIAL_SIZE
    while size < DATA + payload:
        size *= 2
    return size
