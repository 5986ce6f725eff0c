"""Reading the workers' reports from their pipes, shared by both fork-based
teams (``join.py``, ``pymp/team.py``): a report is its length (``HEADER``), then its
bytes, and a worker writes nothing after it."""

from __future__ import annotations

import os
import select
import struct

HEADER = struct.Struct("<q")  # a report is its length, then its pickle


def collect(readers: dict[int, int]) -> dict[int, bytearray]:
    """Read every worker's report until it is complete (its length is its first
    word), or until its pipe closes (the worker died before finishing it).

    A worker writes nothing after its report: the master need not wait for the
    worker's exit, which tears down a copy of the address space (reaping.py).
    ``poll``, not ``select``: select cannot watch a descriptor numbered 1024 or more.
    """
    buffers = {num: bytearray() for num in readers}
    open_fds = {fd: num for num, fd in readers.items()}
    poller = select.poll()
    for fd in open_fds:
        poller.register(fd, select.POLLIN)
    while open_fds:
        for fd, _ in poller.poll():
            data = buffers[open_fds[fd]]
            chunk = os.read(fd, _read_size(data))
            if chunk:
                data += chunk
                if not whole(data):
                    continue
            poller.unregister(fd)
            del open_fds[fd]
    return buffers  # not copied to bytes: a report of many changes is tens of MB


# A read asks for this much until the report's length is known: a bytes object that
# glibc takes from the heap.  Asking for 1 MiB made every read an mmap and a munmap
# (the buffer is over malloc's mmap threshold; os.read shrinks it to what came), two
# system calls and a page fault on the region's path once its report was in.
FIRST_READ = 1 << 16
LARGEST_READ = 1 << 24


def _read_size(data: bytearray) -> int:
    """How much to ask the pipe for next: a small report whole at once; then, for a
    large one, the rest of it (up to LARGEST_READ a read)."""
    if len(data) < HEADER.size:
        return FIRST_READ
    (length,) = HEADER.unpack_from(data)
    rest = HEADER.size + length - len(data)
    return min(max(rest, FIRST_READ), LARGEST_READ)


def whole(data: bytes | bytearray) -> bool:
    """Whether ``data`` is one whole report (a crash's text never looks like one:
    its first eight characters read as a length far beyond what follows)."""
    if len(data) < HEADER.size:
        return False
    (length,) = HEADER.unpack_from(data)
    return len(data) == HEADER.size + length
