"""Carrying back what a method call did to an item of a shared object.

``particles[i].move(dt)`` in a worker changes that process's copy of the particle.
:meth:`ThreadContext.call` records the item as :class:`Mutated`; when the record
leaves the process (at a barrier, or in the worker's report) the item's state is
pickled, and the receiving process merges it into its own item **in place**
(:func:`merge`), so that every reference to the item sees the change.

Two rules keep the merge faithful to what one process would have done:

- Objects the region shares, the elements of shared lists, tuples and dicts, and
  what several of those elements refer to travel *by reference*: a particle's
  back-reference to its system, or a graph node's neighbours, still point at the
  receiving process's own objects afterwards (and a particle does not drag every
  other particle along with it).
- The merge recurses: an attribute holding a list, dict, set, numpy array or
  object is updated in place rather than replaced, so references to the item's own
  parts (``positions = [p.x for p in ps]``) stay good.
"""

from __future__ import annotations

import io
import pickle
from collections import deque
from typing import Any

from .errors import OmpError

# Types whose methods cannot change them: calling one records nothing.
IMMUTABLE = (str, bytes, int, float, complex, tuple, frozenset, range, type(None))
# Modules whose objects are I/O or synchronisation handles: a method called on one
# (``conn.send(...)``, ``f.write(...)``) acts outside the process; nothing to carry.
_HANDLE_MODULES = frozenset(
    {"_io", "io", "socket", "_socket", "ssl", "threading", "_thread", "queue", "logging"}
)


def worth_recording(item: Any) -> bool:
    """Whether a method called on ``item`` may have changed state worth carrying."""
    kind = type(item)
    if isinstance(item, IMMUTABLE):
        return False
    return kind.__module__.partition(".")[0] not in _HANDLE_MODULES


class Mutated:
    """A logged item whose state a method call changed; pickled as :class:`Shipped`."""

    __slots__ = ("value",)

    def __init__(self, value: Any) -> None:
        self.value = value

    def __reduce__(self) -> tuple[Any, ...]:
        buffer = io.BytesIO()
        try:
            _ReferencingPickler(buffer, self.value, shared_objects()).dump(self.value)
        except Exception as error:
            return (Unsent, (type(self.value).__qualname__, f"{type(error).__name__}: {error}"))
        return (Shipped, (buffer.getvalue(),))


class Shipped:
    """A :class:`Mutated` item as received: its pickle, resolved when it is applied."""

    __slots__ = ("data",)

    def __init__(self, data: bytes) -> None:
        self.data = data

    def __reduce__(self) -> tuple[Any, ...]:
        return (Shipped, (self.data,))

    def load(self, objects: dict[int, Any]) -> Any:
        return _ResolvingUnpickler(io.BytesIO(self.data), objects).load()


class Unsent:
    """An item whose state could not be pickled: applying it is an error."""

    __slots__ = ("kind", "reason")

    def __init__(self, kind: str, reason: str) -> None:
        self.kind = kind
        self.reason = reason

    def __reduce__(self) -> tuple[Any, ...]:
        return (Unsent, (self.kind, self.reason))

    def fail(self) -> None:
        raise OmpError(
            f"a method called on an item of type {self.kind} in another thread changed "
            f"it, and omppy could not send its new state to this process ({self.reason}); "
            "make the class picklable (defined at module level, no open files or locks "
            "in its state) or do that work outside the parallel construct"
        )


def state_data(record: Mutated | Shipped | Unsent, objects: dict[int, Any]) -> bytes | None:
    """The pickled state a mutation record carries (None when it has none)."""
    if isinstance(record, Shipped):
        return record.data
    if isinstance(record, Unsent):
        return None
    buffer = io.BytesIO()
    try:
        _ReferencingPickler(buffer, record.value, objects).dump(record.value)
    except Exception:
        return None
    return buffer.getvalue()


def shared_objects(roots: dict[int, Any] | None = None) -> dict[int, Any]:
    """The objects that travel by reference: the region's shared objects, and the
    elements of shared lists, tuples and dicts (the same ids in every process of a
    team, since ``fork`` copies the heap in place)."""
    if roots is None:
        from . import state

        team = state.current().team
        if team is None:
            return {}
        if team.by_reference is None:
            team.by_reference = shared_objects(team.roots)
        return team.by_reference
    found: dict[int, Any] = {}
    for root in roots.values():
        found[id(root)] = root
        if type(root) in (list, tuple):
            elements = root
        elif type(root) is dict:
            elements = root.values()
        else:
            continue
        for element in elements:
            if not isinstance(element, IMMUTABLE):
                found[id(element)] = element
    # What several elements refer to (every particle's ``system``) is shared too; what
    # one element alone holds (its own position array) is its own and travels with it.
    held: dict[int, list[Any]] = {}  # id -> [object, how many elements hold it]
    for element in list(found.values()):
        attributes = getattr(element, "__dict__", None)
        if isinstance(attributes, dict):
            for value in attributes.values():
                if not isinstance(value, IMMUTABLE):
                    held.setdefault(id(value), [value, 0])[1] += 1
    for key, (value, count) in held.items():
        if count > 1:
            found.setdefault(key, value)
    return found


class _ReferencingPickler(pickle.Pickler):
    def __init__(self, file: io.BytesIO, top: Any, objects: dict[int, Any]) -> None:
        super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL)
        self.top = top
        self.objects = objects

    def persistent_id(self, obj: Any) -> int | None:
        if obj is not self.top and id(obj) in self.objects and self.objects[id(obj)] is obj:
            return id(obj)
        return None


class _ResolvingUnpickler(pickle.Unpickler):
    def __init__(self, file: io.BytesIO, objects: dict[int, Any]) -> None:
        super().__init__(file)
        self.objects = objects

    def persistent_load(self, pid: Any) -> Any:
        try:
            return self.objects[pid]
        except KeyError:
            raise OmpError(
                "an item changed by a method call refers to a shared object that this "
                "process no longer has (it was replaced during the region)"
            ) from None


def merge(target: Any, key: Any, new: Any) -> None:
    """Make ``target[key]`` (or attribute ``key``) hold ``new``'s state, in place."""
    from .context import assign, fetch

    old = fetch(target, key)
    if merge_into(old, new, set()):
        return
    try:
        assign(target, key, new)
    except TypeError:
        raise OmpError(
            f"a method call changed an item of type {type(old).__qualname__} that omppy "
            "can neither update in place nor replace (it sits in a tuple)"
        ) from None


def merge_into(old: Any, new: Any, seen: set[int]) -> bool:
    """Update ``old`` in place to ``new``'s state; False when it cannot be."""
    if old is new:
        return True
    kind = type(old)
    if kind is not type(new) or isinstance(old, IMMUTABLE):
        return False
    if id(old) in seen:
        return True
    seen.add(id(old))
    if _is_array(old):
        if old.shape != new.shape or old.dtype != new.dtype or not old.flags.writeable:
            return False
        old[...] = new
        return True
    if isinstance(old, list):
        if len(old) == len(new):
            for index, (was, now) in enumerate(zip(old, new, strict=True)):
                if not merge_into(was, now, seen):
                    old[index] = now
        else:
            old[:] = new
    elif isinstance(old, dict):
        for gone in [k for k in old if k not in new]:
            del old[gone]
        for name, now in new.items():
            if name not in old or not merge_into(old[name], now, seen):
                old[name] = now
    elif isinstance(old, (set, deque)):
        old.clear()
        old.update(new) if isinstance(old, set) else old.extend(new)
    elif isinstance(old, bytearray):
        old[:] = new
    state = getattr(old, "__dict__", None)
    slots = _slot_names(kind)
    handled = isinstance(old, (list, dict, set, deque, bytearray))
    if not isinstance(state, dict) and not slots:
        return handled
    if isinstance(state, dict):
        # Attributes absent from the new state are kept: a class's __getstate__ may
        # leave out what cannot travel (a file), and the method did not delete it.
        for name, now in vars(new).items():
            if name not in state or not merge_into(state[name], now, seen):
                state[name] = now
    for slot in slots:
        if hasattr(new, slot):
            now = getattr(new, slot)
            if not hasattr(old, slot) or not merge_into(getattr(old, slot), now, seen):
                setattr(old, slot, now)
        elif hasattr(old, slot):
            delattr(old, slot)
    return True


def _is_array(value: Any) -> bool:
    from .sharedmem import is_array

    return is_array(value)


def _slot_names(kind: type) -> list[str]:
    names: list[str] = []
    for cls in kind.__mro__:
        slots = cls.__dict__.get("__slots__", ())
        for slot in (slots,) if isinstance(slots, str) else slots:
            if slot not in ("__dict__", "__weakref__"):
                names.append(slot)
    return names
