"""Comparing two lists by the identity of their items, at memory speed; a dict's
version tag, which tells an unchanged dict without looking at its items.

A list in CPython is an array of pointers to its items (``ob_item``).  Two lists
hold the same items in the same places exactly when those arrays are equal, so a
shadow copy of a list can be compared with the list itself by comparing memory,
without a Python-level loop.  That is what makes :mod:`shadow` cheap enough to run
at every barrier: a 2-million-item list is compared in a few milliseconds.

The offset of ``ob_item`` is probed once, on a list whose items are known, and
checked against the header fields around it; where the probe fails (another
interpreter, a changed layout) the comparison falls back to ``map(id, ...)``.
"""

from __future__ import annotations

import ctypes
import itertools
import operator
import re
import sys
from collections.abc import Iterator
from typing import Any, cast

_POINTER = ctypes.sizeof(ctypes.c_void_p)
_BLOCK = 512  # items compared per memory block before looking at single items
_SHORT = 256  # lists up to this length are compared item by item (in C) instead


def _probe_item_offset() -> int | None:
    """The offset of ``ob_item`` in a list object, or None when it cannot be trusted."""
    if sys.implementation.name != "cpython":
        return None
    try:
        known = (object(), object(), object())
        probe = list(known)
        # ob_item sits between ob_size and allocated, the last field of PyListObject.
        offset = list.__basicsize__ - 2 * _POINTER
        size = ctypes.c_ssize_t.from_address(id(probe) + offset - _POINTER).value
        allocated = ctypes.c_ssize_t.from_address(id(probe) + offset + _POINTER).value
        if size != 3 or not 3 <= allocated < 1 << 20:
            return None
        items = ctypes.c_void_p.from_address(id(probe) + offset).value
        if not items:
            return None
        if list((ctypes.c_size_t * 3).from_address(items)) != [id(k) for k in known]:
            return None
        return offset
    except Exception:  # pragma: no cover - an interpreter without this layout
        return None


_ITEM_OFFSET = _probe_item_offset()


def _items_address(items: list[Any]) -> int:
    assert _ITEM_OFFSET is not None
    return ctypes.c_void_p.from_address(id(items) + _ITEM_OFFSET).value or 0


# A window onto memory from a given address, read by slicing (``window[0:n]`` is a
# bytes copy made in C): four times cheaper than ``ctypes.string_at``, a foreign
# call.  One type for every length, so no ctypes array type is made per list size.
_SPAN = ctypes.c_char * (1 << 40)


def _find_memcmp() -> Any:
    try:
        memcmp = ctypes.CDLL(None).memcmp
    except (OSError, AttributeError):  # pragma: no cover - no C library to ask
        return None
    memcmp.argtypes = (ctypes.c_void_p, ctypes.c_void_p, ctypes.c_size_t)
    memcmp.restype = ctypes.c_int
    return memcmp


# Two long lists compared where they lie, without copying their pointers out (a
# 2-million-item list's copy is 16 MB, twice per comparison otherwise).
memcmp = _find_memcmp()  # libc's, on addresses or bytes; None without a C library
_LONG = 8192  # items: a list this long is compared in place (one foreign call)


def _memory(items: list[Any], start: int, stop: int) -> bytes:
    """The pointers of ``items[start:stop]`` as bytes (a copy, taken at once)."""
    if stop <= start:
        return b""
    window = _SPAN.from_address(_items_address(items) + start * _POINTER)
    return cast(bytes, window[0 : (stop - start) * _POINTER])  # c_char slices are bytes


def _pointer_array(items: list[Any], n: int, numpy: Any) -> Any:
    """The first ``n`` item pointers of ``items`` as a numpy array over the list's own
    memory (no copy): to be used at once, before the list can change size."""
    if not n:
        return numpy.zeros(0, dtype=numpy.uintp)
    window = _SPAN.from_address(_items_address(items))
    return numpy.frombuffer(window, dtype=numpy.uintp, count=n)


def same_items(a: list[Any], b: list[Any]) -> bool:
    """Whether ``a`` and ``b`` hold the very same objects in the same order."""
    n = len(a)
    if n != len(b):
        return False
    if n <= _SHORT or _ITEM_OFFSET is None or type(a) is not list or type(b) is not list:
        return all(map(operator.is_, a, b))  # a C loop: cheaper than two copies when short
    if n >= _LONG and memcmp is not None:
        return memcmp(_items_address(a), _items_address(b), n * _POINTER) == 0
    return _memory(a, 0, n) == _memory(b, 0, n)


def same_stretch(a: list[Any], b: list[Any], start: int, stop: int) -> bool:
    """Whether ``a[start:stop]`` and ``b[start:stop]`` hold the very same objects (both
    lists at least ``stop`` long): one memory compare in place for long plain lists."""
    n = stop - start
    if n <= 0:
        return True
    if n <= _SHORT or _ITEM_OFFSET is None or type(a) is not list or type(b) is not list:
        return all(
            map(operator.is_, itertools.islice(a, start, stop), itertools.islice(b, start, stop))
        )
    offset = start * _POINTER
    if memcmp is not None:
        return memcmp(_items_address(a) + offset, _items_address(b) + offset, n * _POINTER) == 0
    return _memory(a, start, stop) == _memory(b, start, stop)


class Pointers:
    """A list's item pointers as the team agreed on them (a shadow's), compared fast.

    Bound to the list object itself: where its ``ob_item`` field lives is known
    once, and a window onto the array it points to is kept until a resize moves
    the array.  For a list of up to ``_LONG`` items the agreed pointers are kept as
    bytes, so "did anything change?" costs one read of that field and one copy of
    the array, compared with those bytes: no Python loop, no foreign call (the
    rows of a matrix, compared at every barrier).  A longer list is compared in
    place with the shadow's copy of it (no bytes kept: that would double the
    shadow).  The shadow's copy keeps the items alive, so an equal pointer is the
    same object.
    """

    __slots__ = ("address", "field", "owner", "taken", "window")

    def __init__(self, live: list[Any]) -> None:
        assert _ITEM_OFFSET is not None and type(live) is list
        self.owner = id(live)
        self.field = ctypes.c_void_p.from_address(id(live) + _ITEM_OFFSET)
        self.address = 0
        self.window: Any = None
        self.taken: bytes | None = None
        self.retake(live)

    def retake(self, agreed: list[Any]) -> None:
        """Take the pointers of ``agreed``, the state the team agreed on: the list
        itself, or the shadow's copy (after applying another thread's change, the
        list may also hold this thread's own changes, not agreed yet)."""
        n = len(agreed)
        self.taken = _memory(agreed, 0, n) if n < _LONG or memcmp is None else None

    def changed_flags(self, live: list[Any], agreed: list[Any]) -> bytes | None:
        """:func:`changed_flags` of ``live`` (the owner) against ``agreed`` (the shadow's
        copy, of the same length), or None, found cheaply, when nothing changed."""
        n = len(agreed)
        if not n:
            return None
        taken = self.taken
        if taken is None:
            if memcmp(self.field.value, _items_address(agreed), n * _POINTER) == 0:
                return None
            return changed_flags(live, agreed)
        address = self.field.value or 0
        if address != self.address:  # a new array (the list grew or shrank)
            self.address = address
            self.window = _SPAN.from_address(address)
        now = self.window[0 : n * _POINTER]  # bytes (a c_char slice); no cast() call here
        if now == taken:
            return None
        numpy = sys.modules.get("numpy")
        if numpy is None:
            return changed_flags(live, agreed)
        mine = numpy.frombuffer(now, dtype=numpy.uintp)
        theirs = numpy.frombuffer(taken, dtype=numpy.uintp)
        return (mine != theirs).view(numpy.uint8).tobytes()

    def same_start(self, live: list[Any], agreed: list[Any]) -> bool:
        """Whether ``live`` (the owner, at least as long as ``agreed``, the shadow's
        copy) starts with ``agreed``'s very items: an append, found with one copy of
        the array's start compared with the kept bytes (a critical's list, compared at
        every exit: docs/benchmarks.md, session 8)."""
        n = len(agreed)
        if not n:
            return True
        taken = self.taken
        if taken is None:
            return memcmp(self.field.value, _items_address(agreed), n * _POINTER) == 0
        address = self.field.value or 0
        if address != self.address:  # a new array (the list grew or shrank)
            self.address = address
            self.window = _SPAN.from_address(address)
        return bool(self.window[0 : n * _POINTER] == taken)


def pointers_of(live: list[Any]) -> Pointers | None:
    """A :class:`Pointers` for ``live``, or None where its memory cannot be read (not
    CPython's layout, or a list subclass: compared item by item instead)."""
    if _ITEM_OFFSET is None or type(live) is not list:
        return None
    return Pointers(live)


def same_dict(live: dict[Any, Any], keys: list[Any], values: list[Any]) -> bool:
    """Whether ``live`` holds exactly ``keys`` bound to ``values``, in that order,
    by identity.  A small dict is compared without copying its keys and values out
    (most comparisons, at most synchronisation points, find nothing changed)."""
    n = len(keys)
    if len(live) != n:
        return False
    if n <= _SHORT:
        is_ = operator.is_
        return all(map(is_, live.values(), values)) and all(map(is_, live, keys))
    return same_items(list(live.values()), values) and same_items(list(live), keys)


def changed_indices(a: list[Any], b: list[Any]) -> Iterator[int]:
    """The indices ``i < min(len)`` where ``a[i] is not b[i]``, in increasing order.

    Compared a block of pointers at a time, so unchanged stretches cost a memory
    comparison; only blocks that differ are looked at item by item.
    """
    n = min(len(a), len(b))
    numpy = sys.modules.get("numpy")
    if _ITEM_OFFSET is not None and type(a) is list and type(b) is list:
        if numpy is not None and n > 4 * _BLOCK:
            changed = _pointer_array(a, n, numpy) != _pointer_array(b, n, numpy)
            yield from numpy.flatnonzero(changed).tolist()
            return
        for start in range(0, n, _BLOCK):
            stop = min(start + _BLOCK, n)
            if _memory(a, start, stop) != _memory(b, start, stop):
                for index in range(start, stop):
                    if a[index] is not b[index]:
                        yield index
        return
    for index in range(n):
        if a[index] is not b[index]:
            yield index


_RUN_OF_CHANGES = re.compile(b"\x01+")


def changed_runs(a: list[Any], b: list[Any]) -> list[tuple[int, int]]:
    """The ``(start, stop)`` runs of indices ``i < min(len)`` where ``a[i] is not b[i]``.

    One flag byte per item (:func:`changed_flags`), and the runs found by a regular
    expression: no Python loop per item.
    """
    return flag_runs(changed_flags(a, b))


def flag_runs(flags: bytes) -> list[tuple[int, int]]:
    """The ``(start, stop)`` runs of 1 bytes in ``flags`` (one byte per item)."""
    return [match.span() for match in _RUN_OF_CHANGES.finditer(flags)]


def changed_flags(a: list[Any], b: list[Any]) -> bytes:
    """One byte per index ``i < min(len)``: 1 where ``a[i] is not b[i]``, made in C
    (``map(is_not)``, or numpy on the pointers of a long list)."""
    n = min(len(a), len(b))
    numpy = sys.modules.get("numpy")
    if _ITEM_OFFSET is not None and type(a) is list and type(b) is list:
        if numpy is not None and n > 4 * _BLOCK:
            mine, theirs = _pointer_array(a, n, numpy), _pointer_array(b, n, numpy)
            flags = (mine != theirs).view(numpy.uint8).tobytes()
        else:
            flags = bytes(map(operator.is_not, a, b))
    else:
        flags = bytes(a[i] is not b[i] for i in range(n))
    return flags


def common_ends(a: list[Any], b: list[Any]) -> tuple[int, int]:
    """The lengths of the longest common prefix and suffix (by identity) of two lists.

    The suffix never overlaps the prefix in either list.  An append to a long list
    costs a memory comparison, not a Python loop over its items.
    """
    n = min(len(a), len(b))
    prefix = _matching_run(a, 0, b, 0, n, 1)
    limit = n - prefix
    suffix = _matching_run(a, len(a), b, len(b), limit, -1)
    return prefix, suffix


def _matching_run(a: list[Any], a_at: int, b: list[Any], b_at: int, limit: int, step: int) -> int:
    """How many items match, going forward from ``a_at``/``b_at`` (step 1) or backward
    from just before them (step -1), at most ``limit``."""
    fast = _ITEM_OFFSET is not None and type(a) is list and type(b) is list
    done = 0
    if fast and limit >= 8:
        # The whole run first, in one comparison: an append (a critical's list,
        # compared at every exit) matches all of it (docs/benchmarks.md, session 8).
        a_lo, b_lo = (a_at, b_at) if step == 1 else (a_at - limit, b_at - limit)
        if limit >= _LONG and memcmp is not None:
            start = _items_address(a) + a_lo * _POINTER
            same = memcmp(start, _items_address(b) + b_lo * _POINTER, limit * _POINTER) == 0
        else:
            same = _memory(a, a_lo, a_lo + limit) == _memory(b, b_lo, b_lo + limit)
        if same:
            return limit
    if fast:
        # Blocks of _BLOCK pointers, then halves of it: the rest of a run (an append
        # to a list of 1,000 items leaves 488 after the first block) and the block
        # where the first difference lies cost a few memory comparisons, not a
        # Python loop over their items (a critical's list, compared at every exit).
        block = _BLOCK
        while block >= 8:
            while limit - done >= block:
                if step == 1:
                    same = _memory(a, a_at + done, a_at + done + block) == _memory(
                        b, b_at + done, b_at + done + block
                    )
                else:
                    same = _memory(a, a_at - done - block, a_at - done) == _memory(
                        b, b_at - done - block, b_at - done
                    )
                if not same:
                    break
                done += block
            block //= 2
    while done < limit:
        if step == 1:
            if a[a_at + done] is not b[b_at + done]:
                break
        elif a[a_at - 1 - done] is not b[b_at - 1 - done]:
            break
        done += 1
    return done


def _probe_version_offset() -> int | None:
    """The offset of a dict's version tag (PEP 509 ``ma_version_tag``, after
    ``ma_used``), or None when it cannot be trusted: it must change with every change
    of the dict and stay put while nothing changes."""
    if sys.implementation.name != "cpython":
        return None
    try:
        offset = 3 * _POINTER  # ob_refcnt, ob_type, ma_used
        probe: dict[Any, Any] = {}
        used = ctypes.c_ssize_t.from_address(id(probe) + offset - _POINTER)
        tags = []
        for change in (lambda: None, lambda: probe.update(a=1), lambda: probe.update(a=2),
                       lambda: probe.pop("a"), lambda: probe.update(b=3), lambda: None):
            change()
            if used.value != len(probe):
                return None
            tags.append(ctypes.c_uint64.from_address(id(probe) + offset).value)
        if len(set(tags)) != 5 or tags[-1] != tags[-2]:
            return None
        return offset
    except Exception:  # pragma: no cover - an interpreter without this layout
        return None


_VERSION_OFFSET = _probe_version_offset()
_TAG = ctypes.c_uint64.from_address


def dict_version(live: dict[Any, Any]) -> int | None:
    """A number that changes whenever ``live`` changes (a key stored to another
    object, added, deleted), read without touching the dict's keys and values; None
    where the interpreter keeps none, and for a dict subclass, whose own state (an
    ``OrderedDict``'s order: ``move_to_end``) may change while the tag does not.

    In a forked worker every object whose reference count a comparison touches is a
    page copied: a dict found unchanged by its tag costs no page at all.
    """
    if _VERSION_OFFSET is None or type(live) is not dict:
        return None
    return int(_TAG(id(live) + _VERSION_OFFSET).value)
