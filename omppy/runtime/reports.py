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
            chunk = os.read(fd, 1 << 20)
            data = buffers[open_fds[fd]]
            if chunk:
                data += chunk
                if not whole(data):
                    continue
            poller.unregister(fd)
            del open_fds[fd]
    return buffers  # not copied to bytes: a report of many changes is tens of MB


def whole(data: bytes | bytearray) -> bool:
    """Whether ``data`` is one whole report (a crash's text never looks like one:
    its first eight characters read as a length far beyond what follows)."""
    if len(data) < HEADER.size:
        return False
    (length,) = HEADER.unpack_from(data)
    return len(data) == HEADER.size + length
