"""What a thread says when it would wait for ever (docs/runtime-api.md, "Failures").

In C, a barrier that only some threads of a team reach, or a simple lock its owner
sets again, hangs the program.  omppy's threads can see each other's state in the
team's shared memory, so a thread that waits for what no thread can do any more
stops with ``TeamDeadlock``, naming itself, the line where it waits, and why.
"""

from __future__ import annotations

import sys
import zlib

from . import state
from .errors import TeamDeadlock
from .tracebacks import first_user_frame


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
    name = frame.f_code.co_filename
    number = zlib.crc32(name.encode("utf-8", "surrogatepass")) & 0xFFFFFFF
    _files.setdefault(number, name)
    return number << 24 | (frame.f_lineno & 0xFFFFFF)


def _site_text(site: int) -> str:
    name = _files.get(site >> 24, "another file")
    return f"{name}:{site & 0xFFFFFF}"


def at_different_barriers(sites: list[int]) -> TeamDeadlock:
    at: dict[int, list[int]] = {}
    for thread, site in enumerate(sites):
        if site != ANY_SITE:
            at.setdefault(site, []).append(thread)
    places = "; ".join(
        f"{_threads(threads)} at {_site_text(site)}" for site, threads in at.items()
    )
    return TeamDeadlock(
        f"the threads of a team of {len(sites)} wait at different barriers ({places}): "
        "each would release the others from a barrier they have not reached. Every "
        "thread of a team must reach the same barriers ('# omp barrier', and the end of "
        "'# omp for', 'sections' and 'single' without nowait) in the same order: one "
        "inside 'if omp_get_thread_num() == ...', or in a loop whose rounds differ "
        "between threads, hangs an OpenMP program in C"
    )


def _threads(numbers: list[int]) -> str:
    named = [str(n) for n in numbers]
    if len(named) == 1:
        return f"thread {named[0]}"
    return "threads " + ", ".join(named[:-1]) + " and " + named[-1]


def at_barrier(finished: list[int], size: int) -> TeamDeadlock:
    me = state.current().num
    who = _threads(finished)
    verb = "has" if len(finished) == 1 else "have"
    return TeamDeadlock(
        f"thread {me} of a team of {size} waits at a barrier ({user_site()}) that {who} "
        f"will never reach: {who} {verb} finished {'its' if len(finished) == 1 else 'their'} "
        "part of the region. Every thread of a team must reach each barrier ('# omp "
        "barrier', and the end of '# omp for', 'sections' and 'single' without nowait) "
        "in the same order, or none may: a barrier or work-sharing construct inside "
        "'if omp_get_thread_num() == ...', or inside a loop whose trip count differs "
        "between threads, hangs an OpenMP program in C"
    )


def lock_held_by_caller(created: str) -> TeamDeadlock:
    return TeamDeadlock(
        f"thread {state.current().num} sets a lock it already holds ({user_site()}; the "
        f"lock was made at {created}): a "
        "simple lock waits until it is unset, and only its holder can unset it, so "
        "this would wait for ever. Unset it first (omp_unset_lock), or use a nestable "
        "lock (omp_init_nest_lock) if the same thread may set it again"
    )
