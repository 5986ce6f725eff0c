"""The OpenMP runtime library routines (docs/runtime-api.md), with Pythonic signatures.

They work with or without translation: outside any region the program is the
initial thread (thread 0 of a team of one).
"""

from __future__ import annotations

import time
from typing import Any

from . import state
from .affinity import bind_var, current_place, places
from .backend import chosen
from .icv import SCHEDULE_KINDS, available_cpus, for_update, icv
from .team import CAN_FORK


def omp_get_thread_num() -> int:
    """This thread's number in the innermost team (0 is the master)."""
    return state.current().num


def omp_get_num_threads() -> int:
    """The size of the innermost team."""
    return state.current().size


def omp_get_max_threads() -> int:
    """The team size requested for a region started here (OpenMP's nthreads-var).

    As in libgomp, this is the setting for the next nesting level; when nesting is
    inactive such a region still gets a team of one.
    """
    control = icv()
    if chosen() == "fork" and not (CAN_FORK and control.fork):
        return 1
    return max(1, min(control.team_size_at(omp_get_level() + 1), control.thread_limit))


def omp_set_num_threads(count: int) -> None:
    """Set the team size of later regions started at the current nesting level."""
    count = int(count)
    if count < 1:
        raise ValueError(f"omp_set_num_threads needs a positive count, got {count}")
    control = for_update()
    level = omp_get_level() + 1
    sizes = list(control.num_threads)
    while len(sizes) < level:
        sizes.append(sizes[-1])
    sizes[level - 1] = count
    control.num_threads = tuple(sizes)


def omp_get_num_procs() -> int:
    """The number of CPUs this process may run on."""
    return available_cpus()


def omp_in_parallel() -> bool:
    """True inside an active parallel region (a team of more than one)."""
    return omp_get_active_level() > 0


def omp_get_level() -> int:
    """How many parallel regions (active or not) enclose the caller."""
    team = state.current().team
    return team.level if team else 0


def omp_get_active_level() -> int:
    """How many *active* parallel regions (teams of more than one) enclose the caller."""
    team = state.current().team
    return team.active_level if team else 0


def omp_get_ancestor_thread_num(level: int) -> int:
    """The thread number of the caller's ancestor at nesting ``level``, or -1."""
    chain = _ancestry()
    if 0 <= level < len(chain):
        return chain[level][0]
    return -1


def omp_get_team_size(level: int) -> int:
    """The team size at nesting ``level`` (1 at level 0), or -1 outside that range."""
    chain = _ancestry()
    if 0 <= level < len(chain):
        return chain[level][1]
    return -1


def omp_in_final() -> bool:
    """True in a final task: one created with ``final(true)``, or a descendant of one
    (OpenMP's final-task-var); False anywhere else."""
    context = state.current()
    if getattr(context, "threaded", False):
        tasks: Any = getattr(context, "task_state", None)  # (threads/context.py)
    else:
        tasks = context.tasks
    return bool(tasks is not None and tasks.frames and tasks.frames[-1].final)


def omp_get_num_teams() -> int:
    """1: omppy has no ``teams`` construct, and outside one OpenMP reports one team."""
    return 1


def omp_get_team_num() -> int:
    """0: omppy has no ``teams`` construct, and outside one OpenMP reports team 0."""
    return 0


def _ancestry() -> list[tuple[int, int]]:
    """(thread number, team size) from level 0 (the initial thread) inwards."""
    chain: list[tuple[int, int]] = []
    context = state.current()
    while context.team is not None:
        chain.append((context.num, context.size))
        context = context.team.parent
    chain.append((0, 1))
    return chain[::-1]


def omp_set_nested(flag: bool) -> None:
    """Deprecated in OpenMP 5; enables (or disables) nested parallel regions."""
    for_update().max_active_levels = (1 << 16) if flag else 1


def omp_get_nested() -> bool:
    return icv().max_active_levels > 1


def omp_set_max_active_levels(levels: int) -> None:
    levels = int(levels)
    if levels < 0:
        raise ValueError(f"max active levels cannot be negative, got {levels}")
    for_update().max_active_levels = levels


def omp_get_max_active_levels() -> int:
    return icv().max_active_levels


def omp_get_thread_limit() -> int:
    return icv().thread_limit


def omp_set_dynamic(flag: bool) -> None:
    """Accepted for compatibility; omppy always gives the requested team size."""
    for_update().dynamic = bool(flag)


def omp_get_dynamic() -> bool:
    return icv().dynamic


def omp_set_schedule(kind: str, chunk: int | None = None) -> None:
    """Set the schedule that ``schedule(runtime)`` loops use."""
    kind = str(kind).lower()
    if kind not in SCHEDULE_KINDS:
        raise ValueError(f"unknown schedule kind {kind!r} (expected one of {SCHEDULE_KINDS})")
    if chunk is not None and int(chunk) < 1:
        chunk = None  # OpenMP: a chunk below 1 means the default
    for_update().schedule = (kind, None if chunk is None else int(chunk))


def omp_get_schedule() -> tuple[str, int | None]:
    """The ``(kind, chunk)`` that ``schedule(runtime)`` loops use."""
    return icv().schedule


def omp_get_wtime() -> float:
    """Elapsed wall-clock seconds from an arbitrary fixed point."""
    return time.perf_counter()


def omp_get_wtick() -> float:
    """The resolution of :func:`omp_get_wtime` in seconds."""
    return time.get_clock_info("perf_counter").resolution


def omp_get_cancellation() -> bool:
    """Whether ``# omp cancel`` cancels (``OMP_CANCELLATION``; true unless it says false)."""
    return icv().cancellation


def omp_get_proc_bind() -> str:
    """The binding policy of a region started here: ``"false"``, ``"true"``,
    ``"primary"``, ``"close"`` or ``"spread"`` (``OMP_PROC_BIND``, docs/runtime-api.md)."""
    bind = bind_var()
    level = omp_get_level() + 1
    chosen = bind[min(level, len(bind)) - 1]
    return "primary" if chosen == "master" else chosen


def omp_get_num_places() -> int:
    """The number of places (``OMP_PLACES``; each CPU is a place when it is unset)."""
    return len(places())


def omp_get_place_num() -> int:
    """The place the calling thread is bound to, or -1 when it is not bound."""
    return current_place()


def omp_get_place_num_procs(place_num: int) -> int:
    """How many CPUs place ``place_num`` has (0 for a place that does not exist)."""
    return len(omp_get_place_proc_ids(place_num))


def omp_get_place_proc_ids(place_num: int) -> list[int]:
    """The CPUs of place ``place_num``, in order (empty for a place that does not exist)."""
    listed = places()
    return sorted(listed[place_num]) if 0 <= place_num < len(listed) else []
