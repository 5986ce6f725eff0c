"""Threadprivate module globals (``# omp threadprivate(a, b)``) and ``copyin``.

Every thread is a process, so each already has globals of its own; what OpenMP adds
is that a thread's copy *persists*: thread 2 of the next region finds the value
thread 2 left in the last one.  Workers are fresh forks of the master each region,
so the master keeps each worker's values between regions and hands them back:

    master                                   worker k (forked)
    ------                                   -----------------
    threadprivate(globals, names)            (inherits the registry and the store)
      records each global's first value
    parallel(copyin=...)  --fork-------->    enter(): each global := the value thread k
                                               left last time (level-1 teams), or its
                                               first value; copyin names keep the
                                               master's value (fork copied it)
                                             ... runs the region on its own globals ...
    collect(): store thread k's values <---  snapshot(): its globals, in its report

Thread 0 is the master itself: its copy is the global, which simply stays.  Values
persist for the outermost teams; a nested team's workers start from the first
values (or, with ``copyin``, from their master's), as OpenMP leaves them
unspecified there.  The names are kept out of the comparison of the module's
namespace (``replica.py``): a thread's own copy is not shared.
"""

from __future__ import annotations

import pickle
from typing import TYPE_CHECKING, Any

from .errors import OmpError
from .region import private_copy

if TYPE_CHECKING:
    from .thread import ThreadContext

Key = tuple[int, str]  # (id of the module's namespace, name)

_namespaces: dict[int, dict[str, Any]] = {}
_names: dict[int, set[str]] = {}
_first: dict[Key, Any] = {}  # the value each thread's copy starts from
_stored: dict[int, dict[Key, Any]] = {}  # in the master: thread -> its last values
_copyin: set[Key] = set()  # the names the team about to fork copies in


def threadprivate(namespace: dict[str, Any], names: tuple[str, ...]) -> None:
    """``# omp threadprivate(names)`` at the top level of the module ``namespace``."""
    from . import backend

    if backend.chosen() == "threads":
        # Threads share one module namespace: each needs its own copy, which the fork
        # backend gets from its processes.
        raise OmpError(
            "'# omp threadprivate' is not run by the threads backend yet "
            "(docs/backends.md); run the program with the fork backend, the default"
        )
    key = id(namespace)
    for name in names:
        if name not in namespace:
            raise OmpError(
                f"'# omp threadprivate({name})': '{name}' has no value yet; bind it before "
                "the directive (each thread's copy starts from that value)"
            )
        if name not in _names.get(key, ()):
            _first[(key, name)] = private_copy(namespace[name])
    _namespaces[key] = namespace
    _names.setdefault(key, set()).update(names)


def names_in(namespace: dict[str, Any]) -> frozenset[str]:
    """The threadprivate names of a module (not shared between threads)."""
    return frozenset(_names.get(id(namespace), ()))


def begin_region(copyin: tuple[str, ...], namespace: dict[str, Any]) -> None:
    """In the master, before a team forks: the names its ``copyin`` clause lists."""
    _copyin.clear()
    key = id(namespace)
    for name in copyin:
        if name not in _names.get(key, ()):
            raise OmpError(
                f"copyin({name}): '{name}' is not threadprivate in this module "
                f"(no '# omp threadprivate({name})' has run)"
            )
        _copyin.add((key, name))


def enter(thread: ThreadContext) -> None:
    """In a worker, before it runs the region: give the globals this thread's values."""
    if not _names:
        return
    assert thread.team is not None
    stored = _stored.get(thread.num, {}) if thread.team.level == 1 else {}
    for key, names in _names.items():
        namespace = _namespaces[key]
        for name in names:
            if (key, name) in _copyin:
                continue  # the master's value, which fork copied
            if (key, name) in stored:
                namespace[name] = stored[(key, name)]
            else:
                namespace[name] = private_copy(_first[(key, name)])


def snapshot(thread: ThreadContext) -> dict[Key, Any] | None:
    """In a worker, after the region: its values, for the master to keep."""
    if not _names or thread.team is None or thread.team.level != 1:
        return None
    values = {}
    for key, names in _names.items():
        namespace = _namespaces[key]
        for name in names:
            if name not in namespace:
                continue
            value = namespace[name]
            try:
                pickle.dumps(value)
            except Exception as error:
                raise OmpError(
                    f"threadprivate '{name}' of thread {thread.num} holds a value that cannot "
                    f"be handed to the master ({type(error).__name__}: {error}); the master "
                    "keeps each thread's threadprivate values between regions, pickled"
                ) from None
            values[(key, name)] = value
    return values


def collect(num: int, values: dict[Key, Any] | None) -> None:
    """In the master, after the team joined: keep worker ``num``'s values."""
    if values:
        _stored.setdefault(num, {}).update(values)
