"""Task dependences: which sibling tasks a new task must wait for (``depend``).

Dependences order the children of one task (siblings), so each task's frame keeps
the map for its own children, in the process that creates them: no other process
needs it.  The edges it finds are recorded in the team's task table (``taskpool.py``),
so that a predecessor completing in any process releases its successors there.

A dependence names a *place*:

- a name (``depend(out: total)``) is the name itself, in the creating task and the
  Python call that creates them (``scope``: its frame, held by the map while a
  child is recorded on the place): two tasks that name ``total`` depend on each
  other whatever object it holds, but the tasks of two calls of a function are on
  two places, as two C calls have two variables;
- an item or attribute (``depend(in: a[i])``, ``depend(inout: node.left)``) is the
  object and the key, evaluated when the task is created: ``a[i]`` and ``b[i]``
  are the same place when ``a`` and ``b`` are the same list.

As in OpenMP: ``in`` waits for the last ``out``/``inout`` task on the place;
``out`` and ``inout`` (and ``mutexinoutset``, ``inoutset``, treated as ``inout``)
wait for it and for every ``in`` task since.  ``omp_all_memory`` (``out`` or
``inout`` only) is every place: such a task waits for every earlier sibling with a
dependence, and every later one with a dependence waits for it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

Ref = tuple[int, int]  # a deferred task: (slot, id)
Dependence = tuple[str, Any]  # ("in" or "out", place)

WRITES = frozenset({"out", "inout", "mutexinoutset", "inoutset"})
# The place ``omp_all_memory`` names: every place (OpenMP 5.1, 15.9.5).
ALL_MEMORY = ("all",)


def places(items: Iterable[tuple[Any, ...]], scope: Any = None) -> list[Dependence]:
    """The translated code's ``depend`` items as ``(kind, place)``.

    An item is ``(kind, name)`` for a name, ``(kind, object, key)`` for an item or
    attribute (``key`` ``("attr", name)`` for an attribute).  ``scope``: the frame of
    the Python call that names them (a name's place is its variable in that call).
    """
    found: list[Dependence] = []
    for item in items:
        kind = "out" if item[0] in WRITES else "in"
        if len(item) == 2 and item[1] == "omp_all_memory":
            found.append(("out", ALL_MEMORY))
        elif len(item) == 2:
            found.append((kind, ("name", item[1], scope)))
        else:
            found.append((kind, ("item", id(item[1]), _hashable(item[2]))))
    return found


def _hashable(key: Any) -> Any:
    if isinstance(key, slice):
        return ("slice", key.start, key.stop, key.step)
    if isinstance(key, tuple):
        return tuple(_hashable(k) for k in key)
    try:
        hash(key)
    except TypeError:
        return ("id", id(key))
    return key


class _Keys:
    """``KEY[i]`` is ``i``, ``KEY[1:3]`` is ``slice(1, 3)``: how the translated code
    writes the key of a ``depend`` item (``a[i]`` becomes ``(kind, a, KEY[i])``)."""

    def __getitem__(self, key: Any) -> Any:
        return key


KEY = _Keys()


class Dependences:
    """One task's map from places to the children that last used them."""

    def __init__(self) -> None:
        self.writer: dict[Any, Ref | None] = {}
        self.readers: dict[Any, list[Ref]] = {}
        self.everything: Ref | None = None  # the last child on omp_all_memory

    def predecessors(self, dependences: list[Dependence]) -> list[Ref]:
        found: list[Ref] = []
        if self.everything is not None:
            found.append(self.everything)
        if any(place == ALL_MEMORY for _, place in dependences):
            found.extend(r for r in self.writer.values() if r is not None)
            for readers in self.readers.values():
                found.extend(readers)
            return list(dict.fromkeys(found))
        for kind, place in dependences:
            writer = self.writer.get(place)
            if writer is not None:
                found.append(writer)
            if kind == "out":
                found.extend(self.readers.get(place, ()))
        return list(dict.fromkeys(found))

    def written(self, dependences: list[Dependence]) -> frozenset[str] | None:
        """The names among ``dependences`` that an earlier child still on record
        writes (None: every name, after a child on ``omp_all_memory``): a new task
        takes the value that child leaves (taskspec.Spec.reads), any other name the
        value its creator passed."""
        if self.everything is not None:
            return None
        writer = self.writer
        if any(place == ALL_MEMORY for _, place in dependences):
            return frozenset(p[1] for p, ref in writer.items() if p[0] == "name" and ref)
        return frozenset(p[1] for _, p in dependences if p[0] == "name" and writer.get(p))

    def record(
        self, dependences: list[Dependence], ref: Ref | None, done: Callable[[Ref], bool]
    ) -> None:
        """A child with ``dependences`` was created (``ref`` None: it ran already)."""
        if any(place == ALL_MEMORY for _, place in dependences):
            # It waits for everything before it: later children need wait only for it.
            self.writer.clear()
            self.readers.clear()
            self.everything = ref
            return
        for kind, place in dependences:
            if kind == "out":
                self.writer[place] = ref
                self.readers[place] = []
            elif ref is not None:
                readers = self.readers.setdefault(place, [])
                if len(readers) >= 64:  # keep the list short: drop finished readers
                    readers[:] = [r for r in readers if not done(r)]
                readers.append(ref)
