"""omppy: OpenMP for Python.

Annotate loops with ``# omp`` comment pragmas; run the program with ``omppy run``
(or ``import omppy.autohook``) to run them on a team of forked processes.  The
``omp_*`` routines below work with and without translation.

Every name is imported on first use (a module ``__getattr__``, PEP 562): importing
``omppy``, as ``omppy run`` and ``import omppy.autohook`` do, loads neither the runtime
nor numpy until the program asks for them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # what type checkers and editors see; imported lazily at run time
    from . import shared
    from .runtime.errors import (
        ErrorDirective,
        OmpError,
        OmpWarning,
        RegionStateLost,
        ResourceLimit,
        TeamDeadlock,
        WorkerDied,
        WorkerException,
    )
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
        omp_get_cancellation,
        omp_get_dynamic,
        omp_get_level,
        omp_get_max_active_levels,
        omp_get_max_threads,
        omp_get_nested,
        omp_get_num_places,
        omp_get_num_procs,
        omp_get_num_teams,
        omp_get_num_threads,
        omp_get_place_num,
        omp_get_place_num_procs,
        omp_get_place_proc_ids,
        omp_get_proc_bind,
        omp_get_schedule,
        omp_get_team_num,
        omp_get_team_size,
        omp_get_thread_limit,
        omp_get_thread_num,
        omp_get_wtick,
        omp_get_wtime,
        omp_in_final,
        omp_in_parallel,
        omp_set_dynamic,
        omp_set_max_active_levels,
        omp_set_nested,
        omp_set_num_threads,
        omp_set_schedule,
    )
    from .runtime.taskevents import omp_fulfill_event

__version__ = "0.1.0"


def load_ipython_extension(ipython: object) -> None:
    """``%load_ext omppy`` in IPython or Jupyter (docs/jupyter.md); imports IPython only now."""
    from .jupyter import load_ipython_extension as load

    load(ipython)


def use_backend(name: str, **options: Any) -> None:
    """Run this program's later regions on backend ``name``: ``"fork"``, ``"threads"``
    or ``"dask"`` (options ``client=``, ``scheduler=``, ``workers=``; docs/cluster.md)."""
    from .runtime.backend import use

    use(name, **options)


def unload_ipython_extension(ipython: object) -> None:
    """``%unload_ext omppy``."""
    from .jupyter import unload_ipython_extension as unload

    unload(ipython)


__all__ = [
    "ConfigError",
    "ErrorDirective",
    "OmpError",
    "OmpLock",
    "OmpNestLock",
    "OmpWarning",
    "RegionStateLost",
    "ResourceLimit",
    "TeamDeadlock",
    "WorkerDied",
    "WorkerException",
    "__version__",
    "omp_destroy_lock",
    "omp_destroy_nest_lock",
    "omp_fulfill_event",
    "omp_get_active_level",
    "omp_get_ancestor_thread_num",
    "omp_get_cancellation",
    "omp_get_dynamic",
    "omp_get_level",
    "omp_get_max_active_levels",
    "omp_get_max_threads",
    "omp_get_nested",
    "omp_get_num_places",
    "omp_get_num_procs",
    "omp_get_num_teams",
    "omp_get_num_threads",
    "omp_get_place_num",
    "omp_get_place_num_procs",
    "omp_get_place_proc_ids",
    "omp_get_proc_bind",
    "omp_get_schedule",
    "omp_get_team_num",
    "omp_get_team_size",
    "omp_get_thread_limit",
    "omp_get_thread_num",
    "omp_get_wtick",
    "omp_get_wtime",
    "omp_in_final",
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
    "use_backend",
]

# The module each public name comes from (``shared`` is a module itself).
_SOURCES = {
    "shared": ".shared",
    "ConfigError": ".runtime.icv",
    **{name: ".runtime.locks" for name in __all__ if "lock" in name.lower()},
    # After the locks: "TeamDeadlock" has "lock" in it too.
    **dict.fromkeys(
        (
            "ErrorDirective",
            "OmpError",
            "OmpWarning",
            "RegionStateLost",
            "ResourceLimit",
            "TeamDeadlock",
            "WorkerDied",
            "WorkerException",
        ),
        ".runtime.errors",
    ),
    **{
        name: ".runtime.routines"
        for name in __all__
        if name.startswith("omp_") and "lock" not in name
    },
    "omp_fulfill_event": ".runtime.taskevents",
}


def __getattr__(name: str) -> Any:
    source = _SOURCES.get(name)
    if source is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    module = importlib.import_module(source, __name__)
    value = module if name == "shared" else getattr(module, name)
    globals()[name] = value  # later lookups are ordinary attribute reads
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
