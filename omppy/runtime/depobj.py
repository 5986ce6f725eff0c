"""Dependence objects: ``# omp depobj`` and ``depend(depobj: o)`` (docs/tasks.md).

``# omp depobj(o) depend(inout: a[i])`` binds the Python name ``o`` to a
:class:`DependenceObject`: the dependence type and the place it names (the object
``a`` and the key ``i``, evaluated there, as a task's ``depend`` would).
``update(in)`` changes its type, ``destroy`` ends it; ``depend(depobj: o)`` on a
``task`` or ``taskwait`` stands for the dependence it holds now.

The translated code hands each function ``lambda: o`` rather than ``o``, so that a
name no ``depobj`` construct has bound is an error naming it, not a NameError
from omppy's code.

A dependence object belongs to the thread that made it: on the fork backend
another thread's process holds a copy, which an update would not reach, so
``update`` and ``destroy`` by another thread are errors on both backends (any
thread's tasks may name it in ``depend(depobj: o)``).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from typing import Any

from .errors import OmpError

# The dependence types a dependence object may hold (``update`` may set).
TYPES = ("in", "out", "inout", "mutexinoutset", "inoutset")


class DependenceObject:
    """What ``# omp depobj(o) depend(type: item)`` makes: a type and a place."""

    __slots__ = ("destroyed", "item", "kind", "owner")

    def __init__(self, kind: str, item: tuple[Any, ...]) -> None:
        self.kind = kind
        self.item = item  # the translated depend item after its type: (object, key)
        self.destroyed = False
        self.owner = _me()

    def __repr__(self) -> str:
        state = "destroyed" if self.destroyed else self.kind
        return f"<omppy dependence object ({state})>"


def _me() -> tuple[int, int]:
    """The thread of omppy's team that runs this: its process and its thread."""
    return os.getpid(), threading.get_ident()


def depobj(item: tuple[Any, ...]) -> DependenceObject:
    """``# omp depobj(o) depend(kind: a[i])``: ``item`` is ``(kind, a, KEY[i])``."""
    return DependenceObject(item[0], tuple(item[1:]))


def depobj_update(get: Callable[[], Any], name: str, kind: str) -> None:
    """``# omp depobj(name) update(kind)``."""
    _owned(get, name, f"update({kind})").kind = kind


def depobj_destroy(get: Callable[[], Any], name: str) -> None:
    """``# omp depobj(name) destroy``."""
    _owned(get, name, "destroy").destroyed = True


def depobj_items(get: Callable[[], Any], name: str) -> tuple[tuple[Any, ...], ...]:
    """``depend(depobj: name)``: the dependence the object holds now, as the item
    the translated code would write for it."""
    found = _live(get, name, f"depend(depobj: {name})")
    return ((found.kind, *found.item),)


def _live(get: Callable[[], Any], name: str, what: str) -> DependenceObject:
    try:
        found = get()
    except NameError:
        raise OmpError(
            f"{what}: '{name}' is not a dependence object: no '# omp depobj({name}) "
            f"depend(...)' has run where '{name}' is used"
        ) from None
    if not isinstance(found, DependenceObject):
        raise OmpError(
            f"{what}: '{name}' is not a dependence object (it is a {type(found).__name__}); "
            f"make one with '# omp depobj({name}) depend(type: item)'"
        )
    if found.destroyed:
        raise OmpError(
            f"{what}: the dependence object '{name}' was destroyed "
            f"('# omp depobj({name}) destroy'); make it again with depend(...) first"
        )
    return found


def _owned(get: Callable[[], Any], name: str, what: str) -> DependenceObject:
    found = _live(get, name, f"depobj({name}) {what}")
    if found.owner != _me():
        raise OmpError(
            f"depobj({name}) {what}: the dependence object '{name}' was made by another "
            "thread; only the thread that made it may update or destroy it (on the fork "
            "backend each thread has its own copy)"
        )
    return found
