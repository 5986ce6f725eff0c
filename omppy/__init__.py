"""omppy: OpenMP for Python.

Annotate loops with ``# omp`` comment pragmas; run the program with ``omppy run``
(or ``import omppy.autohook``) to run them on a team of forked processes.  The
``omp_*`` routines below work with and without translation.
"""

from __future__ import annotations

from . import shared
from .runtime.errors import OmpError, ResourceLimit, WorkerDied, WorkerException
from .runtime.icv import ConfigError
from .runtime.locks import (
    OmpLock,
    OmpNestLock,
    omp_destroy_lock,
    omp_destroy_nest_lock,
    omp_init_lock,
    omp_init_nest_lock,
    omp_set_lock,
    omp_set_nest_lock,
    omp_test_lock,
    omp_test_nest_lock,
    omp_unset_lock,
    omp_unset_nest_lock,
)
from .runtime.routines import (
    omp_get_active_level,
    omp_get_ancestor_thread_num,
    omp_get_dynamic,
    omp_get_level,
    omp_get_max_active_levels,
    omp_get_max_threads,
    omp_get_nested,
    omp_get_num_procs,
    omp_get_num_threads,
    omp_get_schedule,
    omp_get_team_size,
    omp_get_thread_limit,
    omp_get_thread_num,
    omp_get_wtick,
    omp_get_wtime,
    omp_in_parallel,
    omp_set_dynamic,
    omp_set_max_active_levels,
    omp_set_nested,
    omp_set_num_threads,
    omp_set_schedule,
)

__version__ = "0.1.0"

__all__ = [
    "ConfigError",
    "OmpError",
    "OmpLock",
    "OmpNestLock",
    "ResourceLimit",
    "WorkerDied",
    "WorkerException",
    "__version__",
    "omp_destroy_lock",
    "omp_destroy_nest_lock",
    "omp_get_active_level",
    "omp_get_ancestor_thread_num",
    "omp_get_dynamic",
    "omp_get_level",
    "omp_get_max_active_levels",
    "omp_get_max_threads",
    "omp_get_nested",
    "omp_get_num_procs",
    "omp_get_num_threads",
    "omp_get_schedule",
    "omp_get_team_size",
    "omp_get_thread_limit",
    "omp_get_thread_num",
    "omp_get_wtick",
    "omp_get_wtime",
    "omp_in_parallel",
    "omp_init_lock",
    "omp_init_nest_lock",
    "omp_set_dynamic",
    "omp_set_lock",
    "omp_set_max_active_levels",
    "omp_set_nest_lock",
    "omp_set_nested",
    "omp_set_num_threads",
    "omp_set_schedule",
    "omp_test_lock",
    "omp_test_nest_lock",
    "omp_unset_lock",
    "omp_unset_nest_lock",
    "shared",
]
