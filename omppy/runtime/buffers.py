"""The shadows of flat data, compared in bulk rather than item by item (see
``shadow.py`` for the shadow of each container and the change records).

- :class:`BytearrayShadow`: a bytearray's runs of changed bytes (``"Y"``), or its
  replaced middle when its length changed (``"B"``).
- :class:`StdArrayShadow`: a standard-library ``array.array``, by a copy of its
  bytes: the runs of changed elements (``"Y"``, as arrays of its type), or its
  replaced middle when its length changed (``"B"``).
- :class:`ArrayShadow`: a numpy array outside shared memory, by a copy of its
  elements: the flat indices and values that changed (``"N"``), or the whole array.
- :class:`ObjectArrayShadow`: a numpy array of Python objects, by its elements'
  identities, changed like a list's items (``"L"``).
- :func:`too_large_to_compare`: the arrays above the size omppy compares.
"""

from __future__ import annotations

from typing import Any

from . import layout
from .objects import Shadow, is_array, numpy_module
from .sharedmem import is_shared


class BytearrayShadow(Shadow):
    __slots__ = ("data",)

    def __init__(self, live: bytearray) -> None:
        self.data = bytes(live)

    def retake(self, live: bytearray) -> None:
        self.data = bytes(live)

    def diff(self, live: bytearray) -> tuple[Any, ...] | None:
        if live == self.data:
            return None
        old, new = self.data, bytes(live)
        if len(old) == len(new):
            # Bytes stored in place: the runs of changed bytes, which combine with
            # another thread's runs elsewhere (disjoint stores, a sieve's segments).
            return ("Y", _changed_byte_runs(old, new))
        return ("B", *replaced_middle(old, new))

    def apply(self, live: bytearray, change: tuple[Any, ...]) -> None:
        if change[0] == "Y":
            for start, data in change[1]:
                live[start : start + len(data)] = data
        else:
            _, start, stop, data = change
            live[start:stop] = data
        self.data = bytes(live)


def replaced_middle(old: Any, new: Any) -> tuple[int, int, Any]:
    """``(start, stop, middle)``: ``old[start:stop] = middle`` makes ``old`` equal
    ``new`` (two sequences of different lengths: their common prefix and suffix)."""
    n = min(len(old), len(new))
    prefix = 0
    while prefix < n and old[prefix] == new[prefix]:
        prefix += 1
    suffix = 0
    while suffix < n - prefix and old[-1 - suffix] == new[-1 - suffix]:
        suffix += 1
    return prefix, len(old) - suffix, new[prefix : len(new) - suffix]


def _changed_byte_runs(old: bytes, new: bytes) -> list[tuple[int, bytes]]:
    """``(start, new bytes)`` for each run of bytes that differ (equal lengths)."""
    np = numpy_module()
    if np is not None and len(old) > 4096:
        where = np.flatnonzero(np.frombuffer(old, np.uint8) != np.frombuffer(new, np.uint8))
        if len(where) == 0:
            return []
        breaks = np.flatnonzero(np.diff(where) != 1)
        starts = [int(where[0]), *(int(k) for k in where[breaks + 1])]
        stops = [*(int(k) + 1 for k in where[breaks]), int(where[-1]) + 1]
        return [(a, new[a:b]) for a, b in zip(starts, stops, strict=True)]
    runs: list[list[int]] = []
    block = 256
    for lo in range(0, len(old), block):
        hi = min(lo + block, len(old))
        if old[lo:hi] == new[lo:hi]:
            continue  # compared in C, a block at a time
        for k in range(lo, hi):
            if old[k] != new[k]:
                if runs and runs[-1][1] == k:
                    runs[-1][1] = k + 1
                else:
                    runs.append([k, k + 1])
    return [(a, new[a:b]) for a, b in runs]


class StdArrayShadow(Shadow):
    """A standard-library ``array.array`` (``array('d', ...)``, pyperformance's
    scimark), by a copy of its bytes.  Elements stored in place travel as runs of
    elements (``"Y"``: element index, an array of the new values), which combine
    with another thread's runs elsewhere and clash like a list's items; a change of
    length as the replaced middle (``"B"``)."""

    __slots__ = ("data",)

    def __init__(self, live: Any) -> None:
        self.data = live.tobytes()

    def retake(self, live: Any) -> None:
        self.data = live.tobytes()

    def diff(self, live: Any) -> tuple[Any, ...] | None:
        old, new = self.data, live.tobytes()
        if old == new:
            return None
        size = live.itemsize
        if len(old) == len(new):
            runs: list[list[int]] = []
            for start, data in _changed_byte_runs(old, new):
                lo, hi = start // size, -(-(start + len(data)) // size)
                if runs and runs[-1][1] >= lo:
                    runs[-1][1] = hi
                else:
                    runs.append([lo, hi])
            return ("Y", [(lo, live[lo:hi]) for lo, hi in runs])
        return ("B", *replaced_middle(type(live)(live.typecode, old), live))

    def apply(self, live: Any, change: tuple[Any, ...]) -> None:
        if change[0] == "Y":
            for start, values in change[1]:
                live[start : start + len(values)] = values
        else:
            _, start, stop, values = change
            live[start:stop] = values
        self.data = live.tobytes()


# Elements of an array above which a change to most of it travels as the whole array
# (smaller: as flat indices and values, which combine with other threads' elements).
WHOLE_ARRAY_ABOVE = 1 << 16


def _elements_differ(now: bytes, before: bytes, itemsize: int) -> Any:
    """Which elements of two C-order byte images of an array differ, bit for bit."""
    np = numpy_module()
    if itemsize in (1, 2, 4, 8):
        kind = f"u{itemsize}"
        return np.frombuffer(now, kind) != np.frombuffer(before, kind)
    rows = (np.frombuffer(now, np.uint8) != np.frombuffer(before, np.uint8)).reshape(-1, itemsize)
    return rows.any(axis=1)


class ArrayShadow(Shadow):
    """A numpy array outside shared memory, by a copy of its elements."""

    __slots__ = ("copy",)

    def __init__(self, live: Any) -> None:
        self.copy = live.copy()

    def retake(self, live: Any) -> None:
        self.copy = live.copy()

    def diff(self, live: Any) -> tuple[Any, ...] | None:
        np = numpy_module()
        if live.shape != self.copy.shape or live.dtype != self.copy.dtype:
            return ("N", None, live.copy())
        now, before = live.tobytes(), self.copy.tobytes()
        if now == before:
            return None
        # Elements compared by their bytes, not their values: -0.0 written over 0.0
        # (``v[:] = -v``) is a change python prints, and an unchanged NaN is none.
        changed = np.flatnonzero(_elements_differ(now, before, live.dtype.itemsize))
        if len(changed) == 0:
            return None
        if len(changed) * 2 > live.size and live.size > WHOLE_ARRAY_ABOVE:
            # Most of a big array: one copy, not an index per element (it clashes
            # with any other thread's change to the array).
            return ("N", None, live.copy())
        return ("N", changed, live.ravel()[changed])

    def apply(self, live: Any, change: tuple[Any, ...]) -> None:
        _, where, values = change
        for target in (live, self.copy):
            if where is None:
                if target.shape == values.shape:
                    target[...] = values
            else:
                target.put(where, values)  # flat indices in C order, any strides


class ObjectArrayShadow(Shadow):
    """A numpy array of Python objects (``dtype=object``), by its elements' identities
    in flat C order: a change is a list change ("L") at flat indices, so it combines
    and clashes like a list's items."""

    __slots__ = ("items",)

    def __init__(self, live: Any) -> None:
        self.items = list(live.flat)

    def retake(self, live: Any) -> None:
        self.items = list(live.flat)

    def diff(self, live: Any) -> tuple[Any, ...] | None:
        items, old = list(live.flat), self.items
        if len(items) == len(old) and layout.same_items(items, old):
            return None
        if len(items) != len(old):
            return ("L", [(0, items)])  # reshaped or resized: every element
        return ("L", [(lo, items[lo:hi]) for lo, hi in layout.changed_runs(items, old)])

    def apply(self, live: Any, change: tuple[Any, ...]) -> None:
        np = numpy_module()
        shape = live.shape
        for start, values in change[1]:
            for offset, value in enumerate(values):
                index = start + offset
                if index < live.size:
                    # A whole index sets the element itself, even to a list.
                    live[np.unravel_index(index, shape)] = value
        self.items = list(live.flat)


def too_large_to_compare(value: Any, array_limit: int) -> bool:
    """A writable numpy array outside shared memory above the size omppy compares."""
    return (
        is_array(value)
        and value.flags.writeable
        and not value.dtype.hasobject
        and not is_shared(value)
        and value.nbytes > array_limit
    )
