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
persist for the outermost teams (a name a worker deleted stays deleted for its thread
number: :data:`DELETED` is kept in its place); a nested team's workers start from the first
values (or, with ``copyin``, from their master's), as OpenMP leaves them
unspecified there.  The names are kept out of the comparison of the module's
namespace (``replica.py``): a thread's own copy is not shared.

The translated module reads and writes its threadprivate names as attributes of
``_omp_private`` (:func:`slots`): here an object whose ``__dict__`` is the module's
namespace, so ``_omp_private.x`` is the global ``x``; on the threads backend, each
thread's own attributes (``threads/private.py``).
"""

from __future__ import annotations

import pickle
from typing import TYPE_CHECKING, Any

from . import backend
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
_kinds: dict[int, str] = {}  # id of a namespace -> the backend its ``_omp_private`` is for


class Deleted:
    """What the master keeps for a thread that deleted its copy (``del x``): the name
    stays unbound for that thread number in the next region, as it would for one
    thread.  One object, pickled by name, so reports compare it by identity."""

    def __reduce__(self) -> str:
        return "DELETED"

    def __repr__(self) -> str:
        return "DELETED"


DELETED = Deleted()


class Globals:
    """A module's namespace as an object: ``_omp_private.x`` is the global ``x``."""

    def __init__(self, namespace: dict[str, Any]) -> None:
        self.__dict__ = namespace

    def __getattr__(self, name: str) -> Any:  # only for a name the module lacks
        if name.startswith("__"):
            raise AttributeError(name)  # a tool's question (hasattr), not the program's
        raise NameError(f"name {name!r} is not defined")  # as the global would


def slots(namespace: dict[str, Any]) -> Any:
    """``_omp_private`` of the module ``namespace`` (bound when the module starts),
    for the backend chosen then."""
    kind = _kinds[id(namespace)] = backend.chosen()
    if kind == "threads":
        from .threads import private

        return private.slots(namespace)
    return Globals(namespace)


def threadprivate(namespace: dict[str, Any], names: tuple[str, ...]) -> None:
    """``# omp threadprivate(names)`` at the top level of the module ``namespace``."""
    key = id(namespace)
    if key not in _kinds and backend.chosen() == "threads":
        # Its uses of the names read the shared globals: no thread's own copy.
        raise OmpError(
            "'# omp threadprivate' in a translation made by an older omppy, which "
            "the threads backend cannot give per-thread copies: translate the "
            "module again (omppy translate), or run it with the fork backend"
        )
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
    if _kinds.get(key) == "threads":
        from .threads import private

        private.threadprivate(namespace, names)


def declared() -> bool:
    """Whether any module has threadprivate globals."""
    return bool(_names)


def check_backend(kind: str) -> None:
    """Before a region on backend ``kind``: every module's threadprivate globals were
    set up for it (a module translated for one backend keeps its copies there)."""
    for key in _names:
        made = _kinds.get(key, "fork")
        if made != kind:
            raise OmpError(
                f"this program's threadprivate globals were set up for the {made} backend "
                f"when their module started, and this region runs on the {kind} backend; "
                "choose the backend before the module starts (OMPPY_BACKEND, or "
                "'omppy run --backend')"
            )


def names_in(namespace: dict[str, Any]) -> frozenset[str]:
    """The threadprivate names of a module (not shared between threads)."""
    return frozenset(_names.get(id(namespace), ()))


def begin_region(copyin: tuple[str, ...], namespace: dict[str, Any]) -> None:
    """In the master, before a team forks: the names its ``copyin`` clause lists."""
    _copyin.clear()
    if _names:
        check_backend("fork")
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
                value = stored[(key, name)]
                if value is DELETED:
                    namespace.pop(name, None)
                else:
                    namespace[name] = value
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
                values[(key, name)] = DELETED
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
