"""Where a thread waits, as numbers that every process of a team reads alike.

A *site* is the program's line where a thread waits (a barrier, a lock...): a file
number (a CRC of its name) and a line in one int64, so it can sit in the team's
shared memory and be compared between processes (threads at different barriers) or
written on the deadlock board (deadlock.py).  An *entry* is which of omppy's calls
the thread waits in (``_ENTRIES``), which says what the program reached there: "the
barrier that ends a 'for'", "'critical'", "omp_set_lock"...
"""

from __future__ import annotations

import os
import sys
import types
import zlib

from .tracebacks import first_user_frame, is_internal


def user_site() -> str:
    """``file:line`` of the innermost frame of the program (not omppy's) that waits."""
    frame = first_user_frame(sys._getframe(1))
    if frame is None:
        return "an unknown place"
    return f"{frame.f_code.co_filename}:{frame.f_lineno}"


# The site of a thread at a barrier of a region that may be cancelled: one that left
# the cancelled region meets the others at their barriers, wherever they are
# (cancel.py), so its barrier matches any.
ANY_SITE = -1

_files: dict[int, str] = {}  # a site's file number -> the file's name


def barrier_site() -> int:
    """Where the calling thread reaches a barrier, as one number (the same in every
    process of a team for the same line of the program): a file number and a line."""
    frame = first_user_frame(sys._getframe(2))
    if frame is None:
        return 0
    return encode(frame)


def encode(frame: types.FrameType) -> int:
    name = frame.f_code.co_filename
    number = zlib.crc32(name.encode("utf-8", "surrogatepass")) & 0xFFFFFFF
    _files.setdefault(number, name)
    return number << 24 | (frame.f_lineno & 0xFFFFFF)


def site_text(site: int) -> str:
    return f"{_file_name(site >> 24)}:{site & 0xFFFFFF}"


def _file_name(number: int) -> str:
    """The file a site's number stands for: one this process met, or one of its modules
    (the thread that wrote the site may be another process)."""
    name = _files.get(number)
    if name is None:
        candidates = [getattr(m, "__file__", None) for m in list(sys.modules.values())]
        for candidate in [*candidates, *sys.argv[:1]]:
            if isinstance(candidate, str):
                code = zlib.crc32(candidate.encode("utf-8", "surrogatepass")) & 0xFFFFFFF
                _files.setdefault(code, candidate)
        name = _files.get(number, "another file")
    return name


# omppy's calls a thread waits in, by (module file, function): what the program
# sees there.
_ENTRIES: dict[tuple[str, str], str] = {
    ("thread.py", "barrier_refresh"): "the barrier",
    ("thread.py", "barrier"): "the barrier",
    ("context.py", "barrier_refresh"): "the barrier",
    ("context.py", "barrier"): "the barrier",
    ("sync.py", "end"): "the barrier that ends a 'single'",
    ("workshare.py", "end"): "the barrier that ends a 'for' or 'sections'",
    ("workshare.py", "iteration_space"): "the barrier that hands out a loop's items",
    ("thread.py", "critical"): "'critical'",
    ("context.py", "critical"): "'critical'",
    ("thread.py", "atomic"): "'atomic'",
    ("context.py", "atomic"): "'atomic'",
    ("locks.py", "omp_set_lock"): "omp_set_lock",
    ("locks.py", "omp_set_nest_lock"): "omp_set_nest_lock",
    ("locks.py", "__enter__"): "'with lock'",
    ("locks.py", "acquire"): "lock.acquire()",
    ("thread.py", "ordered"): "the ordered block",
    ("context.py", "ordered"): "the ordered block",
    ("thread.py", "_ordered_loop"): "the end of an iteration of the ordered loop",
    ("context.py", "_ordered_loop"): "the end of an iteration of the ordered loop",
    ("thread.py", "single"): "a 'single'",
    ("thread.py", "_shared_counter_loop"): "a work-sharing loop",
    ("tasks.py", "taskwait"): "'taskwait'",
    ("taskgroups.py", "end"): "the end of a 'taskgroup'",
    ("tasks.py", "run"): "the end of the region (waiting for the team's tasks)",
    ("tasks.py", "barrier"): "a barrier (waiting for the team's tasks)",
    ("thread.py", "doacross_wait"): "'ordered depend(sink: ...)'",
}
_ENTRY_CODES = {key: code for code, key in enumerate(_ENTRIES, 1)}
_ENTRY_TEXTS = ["", *_ENTRIES.values()]


def entry_text(code: int) -> str:
    """What the program reached at the omppy call numbered ``code`` ("" if none)."""
    return _ENTRY_TEXTS[code] if code < len(_ENTRY_TEXTS) else ""


def where(frame: types.FrameType | None) -> tuple[int, int]:
    """The program's line a thread waits at, and the omppy call it waits in."""
    code = 0
    while frame is not None and is_internal(frame.f_code):
        # The known call nearest the program's frame says what the program reached.
        name = os.path.basename(frame.f_code.co_filename)
        code = _ENTRY_CODES.get((name, frame.f_code.co_name), code)
        frame = frame.f_back
    return (encode(frame) if frame is not None else 0), code
