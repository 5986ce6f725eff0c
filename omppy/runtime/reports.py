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
    A large report is read into a buffer of its whole size, made once its length is
    known (:func:`_whole_size`): no new bytes object per read, and no copy of what
    came into a growing buffer.
    """
    buffers = {num: bytearray() for num in readers}
    filled: dict[int, int] = {}  # a report read into its whole-size buffer: bytes so far
    open_fds = {fd: num for num, fd in readers.items()}
    poller = select.poll()
    for fd in open_fds:
        poller.register(fd, select.POLLIN)
    while open_fds:
        for fd, _ in poller.poll():
            num = open_fds[fd]
            data = buffers[num]
            at = filled.get(num)
            if at is not None:
                count = os.readv(fd, [memoryview(data)[at:]])
                if count:
                    filled[num] = at = at + count
                    if at < len(data):
                        continue
                else:
                    del data[at:]  # the pipe closed early: the report is what came
            else:
                chunk = os.read(fd, FIRST_READ)
                if chunk:
                    data += chunk
                    if not whole(data):
                        size = _whole_size(data)
                        if size:
                            buffers[num] = whole_size = bytearray(size)
                            whole_size[: len(data)] = data
                            filled[num] = len(data)
                        continue
            poller.unregister(fd)
            del open_fds[fd]
    return buffers  # not copied to bytes: a report of many changes is tens of MB


# The first read of a report asks for this much: a bytes object that glibc takes from
# the heap.  Asking for 1 MiB made every read an mmap and a munmap (the buffer is over
# malloc's mmap threshold; os.read shrinks it to what came), two system calls and a
# page fault on the region's path once its report was in.
FIRST_READ = 1 << 16
# A report longer than this is read into a buffer of its whole size; a length word
# beyond LARGEST_REPORT is not trusted (a crash's text read as one: its first eight
# characters make a length far beyond what follows), and the report is read as it comes.
LARGEST_REPORT = 1 << 40


def _whole_size(data: bytearray) -> int:
    """The whole size of the report ``data`` begins, when it is worth a buffer of
    its own (longer than what came, at most LARGEST_REPORT); else 0."""
    if len(data) < HEADER.size:
        return 0
    (length,) = HEADER.unpack_from(data)
    size = HEADER.size + length
    return size if len(data) < size <= LARGEST_REPORT else 0


def whole(data: bytes | bytearray) -> bool:
    """Whether ``data`` is one whole report (a crash's text never looks like one:
    its first eight characters read as a length far beyond what follows)."""
    if len(data) < HEADER.size:
        return False
    (length,) = HEADER.unpack_from(data)
    return len(data) == HEADER.size + length
