"""The errors of the deadlock checks that need no board (docs/runtime-api.md,
"Failures").

Each names the threads, where they wait and why, and says what OpenMP requires:
threads at different barriers (:func:`at_different_barriers`), a thread at a barrier
that a teammate left the region without reaching (:func:`at_barrier`), a simple lock
set again by its holder (:func:`lock_held_by_caller`), and, after a region, threads
that met different numbers of work-sharing constructs (:func:`different_constructs`).
The board's own verdict, a team that stands still, is in deadlock.py.
"""

from __future__ import annotations

from . import state
from .errors import OmpError, TeamDeadlock
from .waitsite import ANY_SITE, site_text, user_site


def at_different_barriers(sites: list[int]) -> TeamDeadlock:
    at: dict[int, list[int]] = {}
    for thread, site in enumerate(sites):
        if site != ANY_SITE:
            at.setdefault(site, []).append(thread)
    places = "; ".join(
        f"{thread_list(threads)} at {site_text(site)}" for site, threads in at.items()
    )
    return TeamDeadlock(
        f"the threads of a team of {len(sites)} wait at different barriers ({places}): "
        "each would release the others from a barrier they have not reached. Every "
        "thread of a team must reach the same barriers ('# omp barrier', and the end of "
        "'# omp for', 'sections' and 'single' without nowait) in the same order: one "
        "inside 'if omp_get_thread_num() == ...', or in a loop whose rounds differ "
        "between threads, hangs an OpenMP program in C"
    )


def thread_list(numbers: list[int]) -> str:
    named = [str(n) for n in numbers]
    if len(named) == 1:
        return f"thread {named[0]}"
    return "threads " + ", ".join(named[:-1]) + " and " + named[-1]


def at_barrier(finished: list[int], size: int) -> TeamDeadlock:
    me = state.current().num
    who = thread_list(finished)
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


def different_constructs(met: dict[tuple[int, int], list[int]], region_at: str) -> OmpError:
    counts = "; ".join(
        f"{thread_list(threads)} met {loops + others}" for (loops, others), threads in met.items()
    )
    return OmpError(
        f"the threads of the region at {region_at} met different numbers of work-sharing "
        f"constructs ('for', 'sections', 'single'): {counts}. Every thread of a team must "
        "meet the same work-sharing constructs in the same order: one inside 'if "
        "omp_get_thread_num() == ...', or in a loop whose rounds differ between threads, "
        "shares out its work among the threads that meet it only (with 'nowait', nothing "
        "waits for the others, and part of the work is not done)"
    )
