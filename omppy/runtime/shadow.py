"""The team-agreed state of one shared container, and what a thread changed in it.

One idea: a shadow per kind of container, each the same four steps (take, diff,
apply, retake) for its kind; the kinds share the change records below.

Every process of a team starts with the same objects (``fork`` copies the heap in
place).  For each shared container the runtime watches (see :mod:`replica`), a
:class:`Shadow` keeps the state that the whole team agrees on: a shallow copy taken
when the region began, and brought forward at every synchronisation point.  What a
thread did to its own copy since then is the *difference* between the live object
and the shadow, found by comparing identities (``layout.py`` compares a list's
item pointers as memory).  That difference is a small picklable *change* record,
which the other processes apply to their own object and to their shadow, so that
all copies move forward together.

Nothing here runs per store: a plain ``out[i] = v`` costs what it costs in Python,
and the work is done once per barrier (or synchronisation block), in bulk.

Change records (tuples, first item the kind):

- ``("L", runs)``: a list kept its length; ``runs`` is ``[(start, [values...]), ...]``.
- ``("M", start, flags, values)``: the same with many runs (``masked.py``): one flag
  byte per item from ``start`` on, the changed items in order.
- ``("S", start, stop, values)``: a list's ``[start:stop]`` was replaced by
  ``values`` (its length changed: append, insert, pop, sort of a grown list...).
- ``("D", sets, dels, new)``: a dict's keys set to values and keys deleted; the
  last ``new`` of ``sets`` are keys the dict did not have, in the order they were
  inserted (``coherence.py`` puts keys several threads inserted in one order).
- ``("Z", added, removed)``: a set's elements added and removed.
- ``("A", sets, dels)``: an object's attributes (``__dict__`` and slots).
- ``("B", start, stop, data)``: a bytearray's ``[start:stop]`` replaced.
- ``("Q", items)``: a deque's new contents.
- ``("N", flat_indices, values)``: elements of a numpy array (``flat_indices`` None:
  all of them).
- ``("C", value)``: a closure cell's new value.
- ``("P", type name, state)``: an object omppy cannot look into changed
  (``opaque.py``): carried as its pickled state, or, without one, an error.

The shadows of containers are here, and :func:`shadow_for`, which picks one for
an object; ``buffers.py`` has the shadows of bytearrays and numpy arrays,
``objects.py`` the shadow protocol and what an object holds, ``opaque.py`` the
objects omppy cannot look into.
"""

from __future__ import annotations

import array
import operator
from collections import deque
from typing import Any

from . import layout, masked, packing
from .buffers import ArrayShadow, BytearrayShadow, ObjectArrayShadow, StdArrayShadow
from .objects import (
    IMMUTABLE,
    IN_MEMORY_FILES,
    MISSING,
    Shadow,
    is_array,
    is_opaque,
    slot_names,
)
from .opaque import (
    OPAQUE_LIMIT,
    DigestShadow,
    LargeOpaqueShadow,
    OpaqueShadow,
    ProbeShadow,
    digest_of,
    has_c_state,
    pickled,
    probe_of,
    special_shadow,
    unchangeable,
)
from .sharedmem import is_shared

# -- shadows of containers ---------------------------------------------------------


_POINTERS_FROM = 16  # items: a shorter list's shadow keeps no Pointers


class ListShadow(Shadow):
    __slots__ = ("items", "pointers")

    def __init__(self, live: list[Any]) -> None:
        self.items = list(live)
        # The items' pointers, compared as memory; a short list is compared item by
        # item in C (layout.same_items) as cheaply, without the window's set-up (a
        # region watching 5,000 objects' short lists takes 5,000 shadows).
        self.pointers = layout.pointers_of(live) if len(live) >= _POINTERS_FROM else None
        if len(live) >= packing.MIN_VALUES:
            packing.ready()  # probed here, before the fork, not in every worker

    def retake(self, live: list[Any]) -> None:
        self.items = list(live)
        if self.pointers is not None:
            self.pointers.retake(live)
        elif len(live) >= _POINTERS_FROM:  # grown (a list a critical appends to)
            self.pointers = layout.pointers_of(live)

    def diff(
        self, live: list[Any], packed: bool = False, kept: bool = False
    ) -> tuple[Any, ...] | None:
        """``packed``: the change is only to be sent; ``kept``: only to be checked
        (``masked.list_change``)."""
        old = self.items
        if len(live) == len(old):
            pointers = self.pointers
            if pointers is not None and pointers.owner == id(live):
                flags = pointers.changed_flags(live, old)
                if flags is None:
                    return None
            elif layout.same_items(live, old):
                return None
            else:
                flags = layout.changed_flags(live, old)
            if 1 not in flags:
                return None
            if packed or kept:
                runs = masked.spans(flags)
                if runs is not None:
                    del flags  # 2 MB for a 2-million-item list: gone before the values' copy
                    return masked.run_change(live, runs, packed, kept)
            return masked.list_change(live, flags, packed, kept)
        pointers = self.pointers
        if (
            len(live) > len(old)
            and pointers is not None
            and pointers.owner == id(live)
            and pointers.same_start(live, old)
        ):  # appended to (or extended)
            return ("S", len(old), len(old), live[len(old) :])
        if (
            len(old) < _POINTERS_FROM
            and len(live) > len(old)
            and all(map(operator.is_, old, live))  # (map stops at the end of ``old``)
        ):  # a short list appended to (5,000 objects' histories): no common_ends
            return ("S", len(old), len(old), live[len(old) :])
        prefix, suffix = layout.common_ends(live, old)
        return ("S", prefix, len(old) - suffix, live[prefix : len(live) - suffix])

    def apply(self, live: list[Any], change: tuple[Any, ...]) -> None:
        items = self.items
        if _dense(change) and type(live) is list and len(live) == len(items):
            # Many scattered items (a partition's swaps): put once, into ``live``, and
            # copied into the shadow as one slice, when ``live`` holds none of this
            # thread's own changes there (as usual): the same objects in both.
            lo, hi = change[1], change[1] + len(change[2])
            if hi <= len(items) and layout.same_stretch(live, items, lo, hi):
                masked.apply(live, change)
                if layout.same_stretch(live, items, 0, lo) and layout.same_stretch(
                    live, items, hi, len(items)
                ):
                    # None of this thread's own changes anywhere (a worker given a
                    # partitioned list): the shadow becomes a new copy of the list.  Its
                    # old copy, made before the fork, would be written into page by
                    # page, each page a copy-on-write fault; a new one's pages are
                    # only zero-filled (4,000 faults fewer, 64 -> 52 ms, for a
                    # million floats).
                    self.items = list(live)
                    if self.pointers is not None:
                        self.pointers.retake(self.items)
                    return
                items[lo:hi] = live[lo:hi]
                if self.pointers is not None:
                    self.pointers.retake(items)
                return
        for target in (live, items):
            _put(target, change)
        if self.pointers is not None:
            self.pointers.retake(items)  # not ``live``: it may hold changes of this thread

    def settle(self, live: list[Any], change: tuple[Any, ...]) -> None:
        """This thread's own ``change`` (all it changed in ``live``, just handed to the
        team) is agreed: the shadow takes it.  A few runs are put as they are (a
        sorted half: half the list copied, not all of it); otherwise :meth:`retake`."""
        items = self.items
        if change[0] == "L" and type(live) is list and len(live) == len(items):
            _put(items, change)  # the very objects of ``live`` (the diff's slices)
            if self.pointers is not None:
                self.pointers.retake(items)
        else:
            self.retake(live)

    def apply_last(self, live: list[Any], change: tuple[Any, ...]) -> None:
        """Apply ``change`` to ``live`` only: the region ends here, the shadow is not
        compared again (the master's join: a 2-million-item shadow not copied into)."""
        _put(live, change)


def _dense(change: tuple[Any, ...]) -> bool:
    """A ``"M"`` change that puts at least a quarter of the items of its stretch:
    copying the whole stretch costs less than putting them one by one."""
    return change[0] == "M" and 4 * len(change[3]) >= len(change[2])


def _put(target: list[Any], change: tuple[Any, ...]) -> None:
    """Put a list change's values into ``target`` with the list's own methods."""
    setitem = list.__setitem__
    if change[0] == "L":
        for start, values in change[1]:
            if type(values) is packing.Words:  # a worker's last part (wire.Parcel)
                values.put(target, start)
            else:
                setitem(target, slice(start, start + len(values)), values)
    elif change[0] == "M":  # many scattered runs (masked.py)
        masked.apply(target, change)
    else:
        _, start, stop, values = change
        setitem(target, slice(start, stop), values)


_SMALL_DICT = 16  # keys: an object's attributes, compared without common_ends


class DictShadow(Shadow):
    """A dict (or dict subclass) by its keys and values, compared by identity.

    ``version``: the dict's version tag (``layout.dict_version``) when it last had
    nothing to report; the same tag again means nothing changed, found without
    touching (in a forked worker: copying the pages of) its keys and values.
    """

    __slots__ = ("keys", "values", "version")

    def __init__(self, live: dict[Any, Any]) -> None:
        self.retake(live)

    def retake(self, live: dict[Any, Any]) -> None:
        self.version = layout.dict_version(live)
        self.keys = list(live)
        self.values = list(live.values())

    def diff(self, live: dict[Any, Any]) -> tuple[Any, ...] | None:
        version = layout.dict_version(live)
        if version is not None and version == self.version:
            return None
        if layout.same_dict(live, self.keys, self.values):
            self.version = version
            return None
        keys, values = list(live), list(live.values())
        sets, dels, new = _dict_changes(self.keys, self.values, keys, values, live)
        if not sets and not dels:
            self.version = version
            return None
        return ("D", sets, dels, new)

    def apply(self, live: dict[Any, Any], change: tuple[Any, ...]) -> None:
        sets, dels = change[1], change[2]
        setitem, delitem = dict_methods(live)
        for key in dels:
            if key in live:
                delitem(live, key)
        for key, value in sets:
            setitem(live, key, value)
        agreed = dict(zip(self.keys, self.values, strict=True))
        for key in dels:
            agreed.pop(key, None)
        for key, value in sets:
            agreed[key] = value
        self.keys = list(agreed)
        self.values = list(agreed.values())
        self.version = None  # live may hold this process's changes too: compare it


def _interpreter_name(key: Any) -> bool:
    """A global the interpreter or a shell keeps, not the program: ``__warningregistry__``
    (the warnings module's once-per-place record), ``__builtins__``, IPython's output
    history (``_``, ``_5``, ``_i5``, ``Out``) and omppy's own ``_omp*`` names."""
    if type(key) is not str:
        return False
    if key.startswith("__") and key.endswith("__"):
        return True
    if key.startswith("_omp"):
        return True
    return key in _SHELL_NAMES or (key.startswith(("_i", "_")) and key.lstrip("_i").isdigit())


_SHELL_NAMES = frozenset({"_", "__", "___", "_i", "_ii", "_iii", "_ih", "_oh", "_dh", "In", "Out"})


class NamespaceShadow(DictShadow):
    """A module's globals: a dict whose interpreter-kept names are not the program's
    data (each thread's warnings registry or shell history changes on its own), nor
    are its threadprivate globals, each thread's own (``private``, private_globals.py)."""

    __slots__ = ("private",)

    def __init__(self, live: dict[Any, Any], private: frozenset[str] = frozenset()) -> None:
        super().__init__(live)
        self.private = private

    def _program_name(self, key: Any) -> bool:
        return not _interpreter_name(key) and key not in self.private

    def diff(self, live: dict[Any, Any]) -> tuple[Any, ...] | None:
        change = super().diff(live)
        if change is None:
            return None
        sets = [(k, v) for k, v in change[1] if self._program_name(k)]
        dels = [k for k in change[2] if self._program_name(k)]
        if not sets and not dels:
            # Only names the interpreter keeps changed: the same tag again is nothing
            # new (a change after it is compared with the lists, and filtered again).
            self.version = layout.dict_version(live)
            return None
        new = sum(1 for k, _ in change[1][len(change[1]) - change[3] :] if self._program_name(k))
        return ("D", sets, dels, new)


def _dict_changes(
    old_keys: list[Any],
    old_values: list[Any],
    keys: list[Any],
    values: list[Any],
    live: dict[Any, Any],
) -> tuple[list[tuple[Any, Any]], list[Any], int]:
    """(keys set to new values, keys deleted, how many of the sets are new keys, at
    the end), from identity-compared key/value lists."""
    if len(old_keys) <= _SMALL_DICT and len(keys) >= len(old_keys):
        # An object's few attributes: the old keys leading, by identity, in C (a
        # region changing 5,000 objects compares each: docs/benchmarks.md, session 8).
        n = len(old_keys)
        if all(map(operator.is_, old_keys, keys)):
            is_not = operator.is_not
            sets = [(keys[i], values[i]) for i in range(n) if is_not(values[i], old_values[i])]
            sets.extend(zip(keys[n:], values[n:], strict=True))
            return sets, [], len(keys) - n
    elif len(keys) >= len(old_keys):
        prefix, _ = layout.common_ends(keys, old_keys)
        if prefix == len(old_keys):  # the old keys still lead, in order: inserts at most
            sets = [(keys[i], values[i]) for i in layout.changed_indices(values, old_values)]
            sets.extend(zip(keys[prefix:], values[prefix:], strict=True))
            return sets, [], len(keys) - prefix
    old = dict(zip(old_keys, old_values, strict=True))
    changed = []
    new = []
    for key, value in zip(keys, values, strict=True):
        was = old.get(key, MISSING)
        if was is MISSING:
            new.append((key, value))
        elif was is not value:
            changed.append((key, value))
    dels = [k for k in old_keys if k not in live]
    # Setting and deleting keeps the order of the keys that stay: right unless the
    # thread moved some (``move_to_end``, ``popitem`` then the key again, ``del d[k];
    # d[k] = v``), where the order is python's answer too (an LRU's evictions).
    # Only the keys the agreed dict had tell a move: new keys may stand anywhere in
    # this process's dict (its own, then others' applied), and their order is put
    # right with the iterations that added them (coherence._order_new_keys).
    staying = [k for k in old_keys if k in live]
    if not layout.same_items(staying, [k for k in keys if k in old]):
        expected = staying + [k for k, _ in new]
        start, _ = layout.common_ends(keys, expected)
        moved = keys[start:]  # deleted and set again, in the thread's order
        again = {id(k) for k in moved}
        sets = [(k, v) for k, v in changed if id(k) not in again]
        sets.extend((k, live[k]) for k in moved)
        dels.extend(k for k in moved if k in old)
        return sets, dels, 0
    return changed + new, dels, len(new)


_DICT_TYPES_WITH_OWN_STATE = frozenset(
    {"collections.OrderedDict", "collections.defaultdict", "collections.Counter"}
)


def dict_methods(live: dict[Any, Any]) -> tuple[Any, Any]:
    """Set and delete as the dict itself would, bypassing a user subclass's hooks
    (its ``__setitem__`` ran in the thread that made the change)."""
    kind = type(live)
    if kind is dict:
        return dict.__setitem__, dict.__delitem__
    for cls in kind.__mro__:
        if f"{cls.__module__}.{cls.__qualname__}" in _DICT_TYPES_WITH_OWN_STATE:
            return cls.__setitem__, cls.__delitem__  # type: ignore[attr-defined,index]
    return dict.__setitem__, dict.__delitem__


class SetShadow(Shadow):
    __slots__ = ("elements",)

    def __init__(self, live: set[Any]) -> None:
        self.elements = frozenset(live)

    def retake(self, live: set[Any]) -> None:
        self.elements = frozenset(live)

    def diff(self, live: set[Any]) -> tuple[Any, ...] | None:
        if len(live) == len(self.elements) and live == self.elements:
            return None
        return ("Z", list(live - self.elements), list(self.elements - live))

    def apply(self, live: set[Any], change: tuple[Any, ...]) -> None:
        _, added, removed = change
        set.difference_update(live, removed)
        set.update(live, added)
        self.elements = (self.elements - frozenset(removed)) | frozenset(added)


class AttributeShadow(Shadow):
    """An object by its attributes (``__dict__`` and ``__slots__``)."""

    __slots__ = ("keys", "slots", "values")
    slots: tuple[Any, ...] | None

    def __init__(self, live: Any, state: dict[str, Any] | None = None) -> None:
        if state is None:
            self.retake(live)
        else:  # an object of a class with no slots, its ``__dict__`` read (shadow_for)
            self.keys = list(state)
            self.values = list(state.values())
            self.slots = None

    def retake(self, live: Any) -> None:
        state = _instance_dict(live)
        self.keys = list(state) if state is not None else []
        self.values = list(state.values()) if state is not None else []
        self.slots = _slot_values(live)

    def diff(self, live: Any) -> tuple[Any, ...] | None:
        state = _instance_dict(live)
        # (layout.same_dict, without its call: 5,000 objects compared)
        same = state is None or (
            len(state) == len(self.keys)
            and all(map(operator.is_, state.values(), self.values))
            and all(map(operator.is_, state, self.keys))
        )
        if same and state is not None and self.slots is None:
            return None  # (a class with slots is not assigned: it has none)
        sets: list[tuple[Any, Any]] = []
        dels: list[Any] = []
        if not same:
            assert state is not None
            keys, values = list(state), list(state.values())
            sets, dels, _ = _dict_changes(self.keys, self.values, keys, values, state)
        slots = _slot_values(live)
        if slots != self.slots and slots is not None:
            old = self.slots or ()
            for name, was, now in zip(slot_names(type(live)), old, slots, strict=False):
                if was is not now:
                    if now is MISSING:
                        dels.append(("slot", name))
                    else:
                        sets.append((("slot", name), now))
        if not sets and not dels:
            return None
        return ("A", sets, dels)

    def apply(self, live: Any, change: tuple[Any, ...]) -> None:
        _, sets, dels = change
        state = _instance_dict(live)
        kind = type(live)
        for key in dels:
            if isinstance(key, tuple):
                descriptor = _slot_descriptor(kind, key[1])
                try:
                    descriptor.__delete__(live)
                except AttributeError:
                    pass
            elif state is not None:
                state.pop(key, None)
        for key, value in sets:
            if isinstance(key, tuple):
                _slot_descriptor(kind, key[1]).__set__(live, value)
            elif state is not None:
                state[key] = value
        self.retake(live)


def _instance_dict(live: Any) -> dict[str, Any] | None:
    try:
        state = object.__getattribute__(live, "__dict__")
    except AttributeError:
        return None
    return state if isinstance(state, dict) else None


def _slot_values(live: Any) -> tuple[Any, ...] | None:
    names = slot_names(type(live))
    if not names:
        return None
    return tuple(getattr(live, name, MISSING) for name in names)


def _slot_descriptor(kind: type, name: str) -> Any:
    for cls in kind.__mro__:
        if name in cls.__dict__:
            return cls.__dict__[name]
    raise AttributeError(name)


class ClassShadow(Shadow):
    """A class's own attributes (``Counter.total = 0`` rebound by a method).

    Dunder attributes are left out: Python and the standard library cache things
    there (``copyreg`` sets ``__slotnames__`` when an instance is first pickled).
    """

    __slots__ = ("keys", "values")

    def __init__(self, live: type) -> None:
        self.retake(live)

    def retake(self, live: type) -> None:
        state = _class_data(live)
        self.keys = list(state)
        self.values = list(state.values())

    def diff(self, live: type) -> tuple[Any, ...] | None:
        state = _class_data(live)
        keys, values = list(state), list(state.values())
        if layout.same_items(keys, self.keys) and layout.same_items(values, self.values):
            return None
        sets, dels, _ = _dict_changes(self.keys, self.values, keys, values, state)
        return ("A", sets, dels)

    def apply(self, live: type, change: tuple[Any, ...]) -> None:
        _, sets, dels = change
        for key in dels:
            if key in vars(live):
                delattr(live, key)
        for key, value in sets:
            setattr(live, key, value)
        self.retake(live)


def _class_data(cls: type) -> dict[str, Any]:
    return {k: v for k, v in vars(cls).items() if not (k.startswith("__") and k.endswith("__"))}


class CellShadow(Shadow):
    """A closure's variable (``nonlocal count; count += 1`` in a helper)."""

    __slots__ = ("value",)

    def __init__(self, live: Any) -> None:
        self.value = _cell_value(live)

    def retake(self, live: Any) -> None:
        self.value = _cell_value(live)

    def diff(self, live: Any) -> tuple[Any, ...] | None:
        value = _cell_value(live)
        if value is self.value:
            return None
        return ("C", value)

    def apply(self, live: Any, change: tuple[Any, ...]) -> None:
        live.cell_contents = change[1]
        self.value = change[1]


def _cell_value(cell: Any) -> Any:
    try:
        return cell.cell_contents
    except ValueError:  # an empty cell
        return MISSING


class DequeShadow(Shadow):
    __slots__ = ("items",)

    def __init__(self, live: deque[Any]) -> None:
        self.items = list(live)

    def retake(self, live: deque[Any]) -> None:
        self.items = list(live)

    def diff(self, live: deque[Any]) -> tuple[Any, ...] | None:
        items = list(live)
        if layout.same_items(items, self.items):
            return None
        return ("Q", items)

    def apply(self, live: deque[Any], change: tuple[Any, ...]) -> None:
        live.clear()
        live.extend(change[1])
        self.items = list(change[1])


# Classes whose objects with a ``__dict__`` (and no slots) get an AttributeShadow.
_ATTRIBUTE_KINDS: set[type] = set()


def shadow_for(value: Any, array_limit: int = 16 << 20, deep: bool = False) -> Shadow | None:
    """A shadow for ``value``, or None when it is not a container omppy watches.

    Objects omppy cannot look into are compared by their pickle (when it is small,
    or always with ``deep``, ``OMPPY_CHECK=1``), so that a change to one is reported.
    """
    kind = type(value)
    if kind in _ATTRIBUTE_KINDS:
        state = _instance_dict(value)
        if state is not None:
            return AttributeShadow(value, state)  # decided for its class below
    if kind is list or (isinstance(value, list) and not is_opaque(value)):
        return ListShadow(value)
    if kind is dict or (isinstance(value, dict) and not is_opaque(value)):
        return DictShadow(value)
    if isinstance(value, set):
        return SetShadow(value)
    if isinstance(value, (*IMMUTABLE, tuple, frozenset)):
        return None
    if isinstance(value, bytearray):
        return BytearrayShadow(value)
    if kind is array.array and len(value) * value.itemsize <= array_limit:
        return StdArrayShadow(value)  # (a larger one: by a checksum, below)
    if isinstance(value, deque):
        return DequeShadow(value)
    if is_array(value):
        if value.dtype.hasobject and value.flags.writeable:
            return ObjectArrayShadow(value)
        if is_shared(value) or not value.flags.writeable or value.dtype.hasobject:
            return None  # shared memory needs no carrying; read-only cannot change
        if value.nbytes > array_limit:
            return None
        return ArrayShadow(value)
    special = special_shadow(value)
    if special is not None:
        return special
    if is_opaque(value):
        return None
    if (_instance_dict(value) is not None or slot_names(kind)) and not has_c_state(kind):
        if not slot_names(kind) and len(_ATTRIBUTE_KINDS) < 4096:
            # Every test above was of the class: its next object with a ``__dict__``
            # takes this shadow at once (a region watching 5,000 of them).
            _ATTRIBUTE_KINDS.add(kind)
        return AttributeShadow(value)
    if unchangeable(value):
        return None
    data = pickled(value)
    if data is not None and (
        deep or len(data) <= OPAQUE_LIMIT or isinstance(value, IN_MEMORY_FILES)
    ):
        return OpaqueShadow(value)
    if data is not None:
        return LargeOpaqueShadow(value)  # a change is refused by name, not lost
    if data is None and digest_of(value) is not None:
        return DigestShadow(value)
    if data is None and probe_of(value) is not None:
        return ProbeShadow(value)  # a change is refused by name, not lost
    return None
