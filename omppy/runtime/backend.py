"""Which runtime runs the parallel regions: forked processes, threads or a cluster.

``OMPPY_BACKEND`` chooses (``omppy run --backend`` sets it): ``fork``, a team of
forked processes (``forkjoin.py``, ``team.py``), ``threads``, a team of threads sharing one heap
(``threads/``), or ``dask``, a region's loop as tasks on a Dask cluster (``dask/``,
docs/cluster.md; never the default).  A program may choose from Python too:
:func:`use` (``omppy.use_backend``).  Without either, ``threads`` is the default on
a free-threaded CPython (``sys._is_gil_enabled()`` is False) and where ``fork`` is
missing, ``fork`` everywhere else.  The choice is made once per process, at its first region.

The threads backend runs on any CPython; with the GIL its threads take turns, so it
is correct but gains no speed, which a one-line notice says once per process.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import Any

from . import globalnames, state
from .errors import OmpError
from .icv import ConfigError
from .region import Region, TeamRequest
from .tracebacks import first_user_frame
from .where import location

BACKENDS = ("fork", "threads", "dask")
VARIABLE = "OMPPY_BACKEND"
GIL_NOTICE = (
    "omppy: the threads backend runs under the GIL here: results are correct, but the "
    "threads take turns (no speed-up); a free-threaded Python (3.13t) runs them in parallel"
)

_chosen: str | None = None
_noticed = False


def gil_enabled() -> bool:
    """Whether the GIL is on (always, before CPython 3.13)."""
    check = getattr(sys, "_is_gil_enabled", None)
    return True if check is None else bool(check())


def default() -> str:
    """The backend used when ``OMPPY_BACKEND`` is not set."""
    if not gil_enabled() or not (hasattr(os, "fork") and sys.platform != "win32"):
        return "threads"
    return "fork"


def from_environment() -> str:
    """The backend ``OMPPY_BACKEND`` asks for (or the default); ConfigError if malformed."""
    value = os.environ.get(VARIABLE, "").strip()
    if not value:
        return default()
    name = value.lower()
    if name not in BACKENDS:
        raise ConfigError(f"{VARIABLE}={value!r}: expected one of {', '.join(BACKENDS)}")
    if name == "dask":
        from .dask.connect import require

        require()  # not installed: the install command, before anything runs
    return name


def chosen() -> str:
    """This process's backend, chosen at its first use."""
    global _chosen
    if _chosen is None:
        _chosen = from_environment()
    return _chosen


def use(name: str, **options: Any) -> None:
    """Run this process's later regions on backend ``name`` (``omppy.use_backend``).

    The dask backend takes ``client`` (a ``distributed.Client`` of the program's,
    left open), ``scheduler`` (an address) or ``workers`` (the size of the local
    cluster omppy starts otherwise); docs/cluster.md.
    """
    global _chosen, _run
    key = str(name).lower()
    if key not in BACKENDS:
        raise ConfigError(f"unknown backend {name!r}: expected one of {', '.join(BACKENDS)}")
    if key == "dask":
        from .dask import connect

        connect.configure(**options)
    elif options:
        raise TypeError(f"the {key} backend takes no options (got {', '.join(options)})")
    _chosen, _run = key, None


def reset_from_environment() -> None:
    """Forget the choice so the next region reads the environment again (for tests)."""
    global _chosen, _run
    _chosen = _run = None


def notice_once() -> None:
    """Say once per process that threads under the GIL bring no speed-up."""
    global _noticed
    if not _noticed and gil_enabled():
        _noticed = True
        try:
            sys.stderr.write(GIL_NOTICE + "\n")
            sys.stderr.flush()
        except Exception:
            pass


_run: Any = None  # the chosen backend's ``parallel``


def parallel(
    body: Callable[..., dict[str, Any] | None],
    args: dict[str, Any],
    *,
    firstprivate: dict[str, Any] | None = None,
    reduction: dict[str, tuple[str, Any]] | None = None,
    lastprivate: tuple[str, ...] = (),
    shared: tuple[str, ...] = (),
    readonly: tuple[str, ...] = (),
    watch: dict[str, int] | None = None,
    module_watch: dict[str, int] | None = None,
    num_threads: Any = None,
    if_: Any = True,
    copyin: tuple[str, ...] = (),
    proc_bind: str | None = None,
    module_names: tuple[str, ...] = (),
    nested: bool = False,
    enclosing: tuple[str, ...] = (),
) -> dict[str, Any]:
    """``omppy.runtime.parallel``: run ``body`` on a team of the chosen backend; return
    the values the master's names get afterwards.

    ``body(_omp_t, **args, **firstprivate, **reduction_identities)`` returns its
    ``locals()``.  ``args`` are the shared names the body reads (numpy arrays among
    them are moved into shared memory on the fork backend unless named in
    ``readonly``); ``firstprivate`` values are copied per thread; each ``reduction``
    variable starts from its operator's identity and is combined in thread order into
    the original.  The result maps each reduction, each ``lastprivate`` name that the
    last iteration bound, and each ``shared`` name bound in the region to the value
    the master's name must take.  ``watch``: the levels of containers the body may
    write through each shared name; ``module_watch``: the globals of the body's module
    that the code the region can reach may change, when less than its
    ``_omp_effects`` (watch.py).  ``copyin`` names threadprivate globals whose
    master's values the threads start from; ``proc_bind`` is the clause's policy for
    placing the threads (affinity.py).  ``module_names``: the shared names that are
    the module's globals, kept bound there while the region runs (globalnames.py).
    ``nested``: the region is written inside another region, whose names it shares;
    ``enclosing``: the shared names it binds that its enclosing region publishes
    (:func:`_nested_team`).
    """
    if module_names:
        globalnames.register(body, module_names)
    home = getattr(body, "__globals__", None)  # the body's module
    watched = None if module_watch is None or home is None else (home, module_watch)
    region = Region(
        body, args, firstprivate or {}, reduction or {}, lastprivate, shared, readonly,
        watch or {}, watched,
        module_names=(home, frozenset(module_names)) if module_names and home else None,
        nested=nested,
    )  # fmt: skip
    namespace = _callers_globals() if copyin else None
    run = _run or _resolve()
    request = TeamRequest(num_threads, if_, copyin, proc_bind, namespace)
    if enclosing:
        return _nested_team(run, region, request, enclosing)
    return run(region, request)


_NO = object()  # no value


def _nested_team(
    run: Callable[[Region, TeamRequest], dict[str, Any]],
    region: Region,
    request: TeamRequest,
    names: tuple[str, ...],
) -> dict[str, Any]:
    """A region nested in a team's thread that binds names the enclosing team publishes
    (``done += 1`` under atomic in an inner ``parallel for``).

    A team of one runs its blocks as the enclosing thread's (ThreadContext.nested).
    A team of several has blocks of its own, which exclude only each other: so it
    starts from the enclosing team's newest values of the names and, when it ends,
    publishes what it bound to the enclosing team, under that team's atomic lock;
    if another thread of the enclosing team published one of them meanwhile (two
    inner teams counting at once, which C OpenMP's program-wide atomic would order),
    one team's updates would be lost: an error instead.
    """
    from .team import requested_team_size

    parent = state.current()
    if parent.size == 1 or requested_team_size(request.num_threads, request.if_) == 1:
        return run(region, request)
    block = parent.atomic(names, (), True)
    try:
        seen = dict(block.fresh)
    finally:
        block.leave({})
    for name, value in seen.items():
        if name in region.args:
            region.args[name] = value
    started = {n: region.args[n] for n in names if n in region.args}
    result = run(region, request)
    # (an object changed in place is the one it started from: carried as objects are)
    handed = {n: result[n] for n in names if n in result and result[n] is not started.get(n, _NO)}
    if not handed:
        return result
    block = parent.atomic(tuple(handed), (), True)
    try:
        clash = [n for n in handed if n in block.fresh and block.fresh[n] is not seen.get(n)]
    finally:
        block.leave({} if clash else handed)
    if clash:
        listed = ", ".join(repr(n) for n in clash)
        raise OmpError(
            f"the nested parallel region at {location()} bound {listed} in "
            "its critical/atomic blocks while another thread of the enclosing team "
            f"changed {'it' if len(clash) == 1 else 'them'} too (its own nested team): "
            "critical and atomic exclude each other only within one team, so one "
            "team's updates would be lost. Use a reduction clause on the nested "
            "regions, or leave nesting inactive (omp_set_max_active_levels(1))"
        )
    return result


def _callers_globals() -> dict[str, Any] | None:
    """The globals of the code that started the region (the first frame outside
    omppy): its module's threadprivate names are the ones ``copyin`` may list."""
    frame = first_user_frame(sys._getframe(2))
    return frame.f_globals if frame is not None else None


def _resolve() -> Any:
    global _run
    if chosen() == "threads":
        from .threads.region import parallel as run
    elif chosen() == "dask":
        from .dask.region import parallel as run
    else:
        from .forkjoin import parallel as run
    _run = run
    return run
