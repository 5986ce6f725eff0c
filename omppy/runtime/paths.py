"""Steps from a shared object to one of its places: ``obj[key]`` or ``obj.name``.

Translated code written by older versions of the translator names the target of a
store as a root object, a path of steps and a key (``grid[i][j] = v`` is
``(grid, (i,), j)``); :class:`Attr` marks an attribute step.  The runtime carries
stores by comparing shared objects (``coherence.py``), so these helpers only
perform the store itself.
"""

from __future__ import annotations

import operator
from typing import Any


class Attr:
    """A path step or store key meaning "attribute ``name``" (``obj.name``)."""

    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return f"Attr({self.name!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (Attr, (self.name,))


def fetch(target: Any, key: Any) -> Any:
    """``target[key]``, or attribute ``key.name`` for an :class:`Attr` key."""
    return getattr(target, key.name) if type(key) is Attr else target[key]


def walk(root: Any, path: tuple[Any, ...]) -> Any:
    """Follow ``path`` (item keys and :class:`Attr` steps) from ``root``."""
    target = root
    for step in path:
        target = fetch(target, step)
    return target


def assign(target: Any, key: Any, value: Any) -> None:
    if isinstance(key, Attr):
        setattr(target, key.name, value)
    else:
        target[key] = value


def delete(target: Any, key: Any) -> None:
    if isinstance(key, Attr):
        delattr(target, key.name)
    else:
        del target[key]


INPLACE = {
    "+=": operator.iadd,
    "-=": operator.isub,
    "*=": operator.imul,
    "/=": operator.itruediv,
    "//=": operator.ifloordiv,
    "%=": operator.imod,
    "**=": operator.ipow,
    "<<=": operator.ilshift,
    ">>=": operator.irshift,
    "&=": operator.iand,
    "|=": operator.ior,
    "^=": operator.ixor,
    "@=": operator.imatmul,
}
