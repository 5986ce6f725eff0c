"""The deep net: fingerprints of the program's data below what a region watches.

A region compares the objects the translator found its code may change, as deep as
it may change them, and every global of the program's modules one level down (the
net, replica.py).  A change deeper than that, made through a path the translator
cannot follow, would stay in one process: ``globals()[name][i][j] = v``, or a module
without pragmas that kept a reference to ``table`` and stores into ``table["a"][i]``.

So when the region starts, the master walks the program's data below the watched
objects — lists, dicts, sets, bytearrays, tuples, and the attributes of objects
whose class belongs to the program — and takes each container's fingerprint
(netprint.py) without touching its items.  At every barrier and at the region's
end, a thread whose containers' fingerprints changed stops with an error naming
the container: never a loss.  Objects of libraries (a logger, a compiled pattern)
are neither walked nor fingerprinted: their inner state is the library's.

Only regions that can run code the translator could not follow walk it: when its
reach analysis found all the code a region can run (``Region.module_watch``), every
change is made where the translator looked and is watched as deep as it goes.

A container a thread hands to the team while the region runs (``seen[k] = []`` in a
``critical``), put where the region compares no deeper (``Replica._adopt_values``),
joins the net too, with what it holds: a later change of it (``seen[k].append(v)``
in a helper of a module without pragmas) is an error, not a loss.

The walk stops after ``BUDGET`` objects, so a region never pays more than a few
milliseconds for it; what lies beyond is compared only under ``OMPPY_CHECK=1``
(docs/data-sharing.md).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from typing import Any

from .netprint import fingerprint, unchanged

BUDGET = 10_000  # objects walked per region
_CONTAINERS = (list, dict, set, bytearray)
_LEAVES = frozenset({int, float, str, bytes, bool, type(None), complex, range, slice})


class DeepNet:
    """The fingerprints one region took, and the check of them."""

    def __init__(self) -> None:
        # (container, fingerprint, label); a label is a root's name or ``(label, key)``
        # or ``(label, None)`` for an object's attributes, rendered only for an error.
        self.prints: list[tuple[Any, Any, Any]] = []
        # The items of the lists and sets printed, held while the prints are compared:
        # their prints are addresses, which a freed item would give to a new object.
        self.held: list[tuple[Any, ...]] = []
        self.complete = True  # False: the walk stopped at BUDGET
        self.program_modules: frozenset[str] = frozenset()
        self.walked = 0

    def take(
        self,
        roots: list[tuple[Any, Any]],
        watched: dict[int, Any],
        program_modules: frozenset[str],
        roots_too: bool = False,
    ) -> None:
        """Fingerprint what lies below ``roots`` (``(value, label)``) and is not in
        ``watched`` (ids of the objects the region compares); ``roots_too``: the
        roots as well."""
        self.program_modules = program_modules
        seen: set[int] = set()
        queue: deque[tuple[Any, Any, bool]] = deque(
            (v, label, not roots_too) for v, label in roots
        )
        walked = self.walked
        while queue:
            value, label, is_root = queue.popleft()
            kind = type(value)
            if kind in _LEAVES or id(value) in seen:
                continue
            seen.add(id(value))
            walked += 1
            if walked > BUDGET:
                self.complete = False
                self.walked = walked
                return
            children: Any
            if kind is tuple:
                children = enumerate(value)
            elif isinstance(value, _CONTAINERS):
                if not is_root and id(value) not in watched:
                    self._add(value, label)
                if isinstance(value, dict):
                    children = value.items()
                elif isinstance(value, list):
                    if _LEAVES.issuperset(map(type, value)):
                        continue  # numbers and strings only (checked in C): nothing below
                    children = enumerate(value)
                else:
                    continue  # a set's items are hashable, a bytearray's are bytes
            elif getattr(kind, "__module__", None) in program_modules:
                try:  # never the class's own __getattr__: no program code runs here
                    attributes = object.__getattribute__(value, "__dict__")
                except AttributeError:
                    continue
                if type(attributes) is not dict:
                    continue
                if id(value) not in watched and id(attributes) not in watched:
                    self._add(attributes, (label, None))  # (watched: by the object's id)
                children = attributes.items()
            else:
                continue  # a library's object, a class, a function: not the program's data
            for key, child in children:
                if type(child) not in _LEAVES:
                    queue.append((child, (label, key), False))
        self.walked = walked

    def adopt(self, value: Any, label: Any) -> None:
        """``value`` was handed to the team below what the region compares: it and
        what it holds join the net (within what is left of the budget)."""
        self.take([(value, label)], {}, self.program_modules, roots_too=True)

    def _add(self, container: Any, label: Any) -> None:
        print_ = fingerprint(container, self.held)
        if print_ is not None:
            self.prints.append((container, print_, label))

    def changed(self, compared: Callable[[Any], bool] | None = None) -> str | None:
        """The label of the first container whose fingerprint changed, if any.
        ``compared``: whether the region compares a container now (one it has come
        to watch since, through another place): its changes are carried."""
        prints = self.prints
        for index, (container, print_, label) in enumerate(prints):
            if not unchanged(container, print_):
                if compared is not None and compared(container):
                    prints[index] = (container, fingerprint(container, self.held), label)
                    continue
                return render(label)
        return None


def render(label: Any) -> str:
    """``table['a'][3]``, ``node.children`` (``'s attributes``) from a label chain."""
    keys = []
    while isinstance(label, tuple):
        label, key = label
        keys.append(key)
    text = str(label)
    for key in reversed(keys):
        text += " (its attributes)" if key is None else f"[{key!r}]"
    return text
