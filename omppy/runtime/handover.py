"""Big array reduction partials handed over from a worker's own memory.

A worker's partial result of a large array reduction (``forkjoin.reduction_slots``)
was accumulated in a slot of shared memory, which the master read at the join.  On
Linux, anonymous shared memory is shmem: 4 KiB pages, each allocated, zeroed and
mapped on its first write, 0.6 us a page (130 ms for a 200 MB partial, on the
worker's path), where the worker's private memory gets transparent huge pages (13 ms
for the same 200 MB: docs/benchmarks.md, "Session 9: data").  So a worker now
accumulates into private memory, like the master, and once its report is sent it
waits, its partial untouched, while the master copies it with one
``process_vm_readv`` (20 ms for 200 MB), then exits.

Where the kernel refuses that read (a seccomp filter, a ptrace policy, another
system), the master asks the worker to copy its partials into their slots (which
were mapped for that, and cost nothing untouched), waits for its word, and reads
the slots as before; the later regions of the process use the slots from the start.

The master folds a worker's partial into the combined result a block of rows at a
time (``Fetched``), so no master array of its size is made, and lets the workers go
when the region is over (``Handover.close``, after the combine).  Letting them go
before the combine instead (the partials read whole first) measured worse, 1.31-1.33 s
against 1.22-1.24 s in the same minutes, best of 3 for 200 MB, although with a worker
alive the first writes of the master's original array are 4 KiB faults (100 ms for
200 MB) rather than huge pages: the next region's loop ran slower (docs/benchmarks.md,
"Session 9: data").

A worker waits on a socket of its own (``socketpair``, made before the fork only for
regions with slots): the master's end closed is "done, exit", ``COPY`` is "copy your
partials into the slots" (answered with ``COPIED``).  A master that dies closes its
end too (and kills its workers: forked.die_with_parent).
"""

from __future__ import annotations

import ctypes
import os
import socket
import sys
from typing import Any

from .errors import OmpError

COPY, COPIED = b"c", b"k"


class Remote:
    """Where a worker's partial lies in its own memory: address and length."""

    __slots__ = ("address", "nbytes")

    def __init__(self, address: int, nbytes: int) -> None:
        self.address = address
        self.nbytes = nbytes

    def __reduce__(self) -> tuple[Any, ...]:
        return Remote, (self.address, self.nbytes)


class _Iovec(ctypes.Structure):
    _fields_ = [("base", ctypes.c_void_p), ("length", ctypes.c_size_t)]


def _find_reader() -> Any:
    if sys.platform != "linux":
        return None
    try:
        reader = ctypes.CDLL(None, use_errno=True).process_vm_readv
    except (AttributeError, OSError):  # pragma: no cover - an old C library
        return None
    reader.restype = ctypes.c_ssize_t
    reader.argtypes = [
        ctypes.c_int,
        ctypes.POINTER(_Iovec),
        ctypes.c_ulong,
        ctypes.POINTER(_Iovec),
        ctypes.c_ulong,
        ctypes.c_ulong,
    ]
    return reader


_reader = _find_reader()
_refused = False  # a read was refused once: this process's regions use the slots


def available() -> bool:
    """Whether this process's workers keep their partials in their own memory."""
    return _reader is not None and not _refused


def read(pid: int, remote: Remote, into: Any) -> bool:
    """Copy the partial at ``remote`` in process ``pid`` into the array ``into``
    (C-contiguous, ``remote.nbytes`` long); False when the kernel refuses."""
    global _refused
    if _reader is None or _refused:
        return False
    done, address, length = 0, into.ctypes.data, remote.nbytes
    while done < length:
        local = _Iovec(address + done, length - done)
        far = _Iovec(remote.address + done, length - done)
        got = _reader(pid, ctypes.byref(local), 1, ctypes.byref(far), 1, 0)
        if got <= 0:
            _refused = True
            return False
        done += got
    return True


# The folds of reduction.COMBINE done in place by a ufunc, elementwise: the same
# operations whether an array is folded whole or a block of rows at a time.
ELEMENTWISE = frozenset(("+", "-", "*", "&", "|", "^"))
BLOCK_BYTES = 1 << 22  # a partial is read this much at a time into one buffer


class Fetched:
    """A worker's partial still in its memory, folded into the combined result a block
    of rows at a time (reduction.combine): no array of its size is made in the master
    (its pages would be faulted in, 50,000 of them for 200 MB without huge pages)."""

    __slots__ = ("handover", "num", "pid", "remote", "slot")

    def __init__(self, handover: Handover, num: int, pid: int, remote: Remote, slot: Any):
        self.handover = handover
        self.num = num
        self.pid = pid
        self.remote = remote
        self.slot = slot

    def whole(self) -> Any:
        """The partial, as an array of the master's."""
        return self.handover.fetch(self.num, self.pid, self.remote, self.slot)

    def fold_into(self, fold: Any, result: Any) -> Any:
        """``fold(result, partial)``, in place on ``result`` block by block when
        ``result`` is an array of the partial's shape; else with the whole partial."""
        np = sys.modules["numpy"]
        slot = self.slot
        if type(result) is not np.ndarray or result.shape != slot.shape or not slot.ndim:
            return fold(result, self.whole())
        rows = slot.shape[0]
        row_bytes = slot.nbytes // rows if rows else 0
        step = max(1, BLOCK_BYTES // max(1, row_bytes))
        buffer = np.empty((min(step, rows), *slot.shape[1:]), slot.dtype)
        for start in range(0, rows, step):
            block = buffer[: min(step, rows - start)]
            piece = Remote(self.remote.address + start * row_bytes, block.nbytes)
            if not read(self.pid, piece, block):
                if start:  # pragma: no cover - a read refused half-way
                    raise OmpError(
                        f"reading the part of a reduction of thread {self.num} failed "
                        "half-way (the kernel refused to read its memory)"
                    )
                return fold(result, self.whole())
            fold(result[start : start + len(block)], block)
        return result


class Handover:
    """One region's sockets, one per worker, and what each side does with them."""

    def __init__(self, size: int) -> None:
        self.ends: dict[int, tuple[socket.socket, socket.socket]] = {
            num: socket.socketpair() for num in range(1, size)
        }
        # In a worker: (slot, partial) of each partial the master will read.
        self.held: list[tuple[Any, Any]] = []

    # -- the master ----------------------------------------------------------------

    def forked(self) -> None:
        """Every worker is forked: the master closes the workers' ends."""
        for _, theirs in self.ends.values():
            theirs.close()

    def fetch(self, num: int, pid: int, remote: Remote, slot: Any) -> Any:
        """Worker ``num``'s partial, as an array of the master's (``slot``'s shape and
        dtype); through the slot when the kernel refuses to read its memory."""
        np = sys.modules["numpy"]
        into = np.empty(slot.shape, slot.dtype)
        if read(pid, remote, into):
            return into
        mine = self.ends[num][0]
        mine.sendall(COPY)
        if mine.recv(1) != COPIED:
            raise OmpError(
                f"thread {num} of the team ended before handing over its part of a "
                "reduction (its process was killed)"
            )
        return slot

    def close(self) -> None:
        """The region is over for the master: its workers may exit."""
        for mine, theirs in self.ends.values():
            mine.close()
            theirs.close()

    # -- a worker --------------------------------------------------------------------

    def enter(self, num: int) -> None:  # pragma: no cover - runs in the forked child
        """In worker ``num``, just forked: only its own end stays open (the master's
        end closed is its signal to exit)."""
        for other, (mine, theirs) in self.ends.items():
            mine.close()
            if other != num:
                theirs.close()

    def hold(self, partial: Any, slot: Any) -> Remote:  # pragma: no cover - in a worker
        """Keep ``partial`` (C-contiguous, ``slot``'s shape and dtype) until the master
        has read it."""
        self.held.append((slot, partial))
        return Remote(partial.ctypes.data, partial.nbytes)

    def serve(self, num: int) -> None:  # pragma: no cover - runs in the forked child
        """After the report: wait until the master has read the held partials, or
        copy them into their slots when it asks."""
        theirs = self.ends[num][1]
        try:
            while theirs.recv(1) == COPY:
                for slot, partial in self.held:
                    slot[...] = partial
                theirs.sendall(COPIED)
        except OSError:
            pass
        os.close(theirs.detach())
