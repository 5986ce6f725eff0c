"""Fingerprints of the big containers the net leaves out, so a change is never lost.

A list, dict or set of more than ``replica.NET_ITEMS`` items that no code of the
region was found to change is not compared item by item at every synchronisation
point (that would cost the region in proportion to its size).  Its length alone is
not enough: ``big[i] = v`` made through a path the translator cannot follow
(``globals()[name][i] = v``, a helper module without pragmas that kept a reference)
leaves the length as it was, and the store would stay in one process.  So each such
container gets a fingerprint when the region starts, taken without touching its
items, and a thread whose fingerprint changed stops with an error (replica.check_net):

- a **list**: a copy of its array of item pointers (``ob_item``): a store of any other
  object changes it;
- a **dict**: its version tag (PEP 509), which CPython changes whenever a key is
  added or removed or a value replaced by another object; an ``OrderedDict`` adds
  its keys in order (``move_to_end`` changes the order but not the dict);
- a **set**: a copy of its hash table (keys and hashes);
- a **bytearray**: a copy of its bytes;
- a **deque**: a tuple of its items (its blocks are not one array), compared by
  identity in C (``map(operator.is_, ...)``).

A print made of addresses (a list's, a set's) is sound only while the items it names
cannot be freed: ``big.pop(); big.append(Obj(v))`` frees the last item and CPython's
allocator puts the new object at its address at once, so length and pointers look
unchanged and the store would stay in one thread.  So the replica holds the items of
every list and set it fingerprints for the region (:func:`held`): no address in a
print can be reused while it is compared.

Taking a reference to each item writes its page, and after the previous region's
fork every such page faults (1.5-3 ms a region for 200,000 distinct numbers:
docs/benchmarks.md, sessions 11 and 12).  So the items of a big list or set made
only of plain values (exact ``int``, ``float``, ``complex``, ``str``, ``bytes``,
``bool``, ``None``: no finalizer, no weak reference, nothing that can tell how long
they live) stay held from one region to the next while the list's item pointers (the
set's table) are the ones their print names (the same kept print): a region whose
big lists and sets did not change since the previous one takes no new reference and
writes no page.  What a region's
watch did not use again is let go when that watch ends (:func:`release_unused`), and
no more than ``_RETAINED_ITEMS`` items are held this way.

The layouts are CPython's (3.11 to 3.13, with the GIL); a self-test at import checks
each on a probe object, and a container whose layout fails it is left to the length
check alone.  Cost: a copy of 8 bytes per list item (16 per set slot), and a reference
taken to each item (a write to its page: 1-3 ms for 200,000 distinct objects, measured
in docs/benchmarks.md), in the master before the fork; a check (at
every barrier and at the end of the region, replica.check_net) is a memcmp of the
list's items in place, a read of the dict's tag, or a copy of the set's table:
nothing per item in Python.
"""

from __future__ import annotations

import collections
import ctypes
import operator
from collections.abc import Callable
from typing import Any

from .layout import memcmp

_WORD = ctypes.sizeof(ctypes.c_void_p)
_HEAD = 2 * _WORD  # ob_refcnt, ob_type
_string_at = ctypes.string_at


def _word(address: int) -> int:
    return ctypes.c_ssize_t.from_address(address).value


def _list_print(value: list[Any]) -> bytes:
    items = _word(id(value) + _HEAD + _WORD)  # after ob_size
    if not items:
        return b""
    return _copied(value, items, len(value) * _WORD)


def _copied(value: Any, address: int, size: int) -> bytes:
    """The ``size`` bytes at ``address`` (a list's item pointers, a set's table)."""
    if size >= _KEPT_FROM:
        # A big global is fingerprinted again at every region, mostly unchanged: the
        # last copy taken at this address serves when its bytes are still the items'
        # (a memcmp in place), sparing a new copy (and its fresh pages) per region.
        kept = _kept.get(id(value))
        if (
            kept is not None
            and len(kept) == size
            and memcmp is not None
            and memcmp(address, kept, size) == 0
        ):
            return kept
        if len(_kept) >= 64:
            _kept.clear()
        _kept[id(value)] = print_ = _string_at(address, size)
        return print_
    return _string_at(address, size)


# The last fingerprint taken of each big list or set, by address (only the bytes are
# kept, not the container: a print is valid for whatever container holds these items).
_kept: dict[int, bytes] = {}
_KEPT_FROM = 1 << 16  # bytes: lists of 8,192 items or more, sets of 2,048 or more


def _dict_print(value: dict[Any, Any]) -> int:
    return ctypes.c_uint64.from_address(id(value) + _HEAD + _WORD).value  # after ma_used


def _ordered_dict_print(value: collections.OrderedDict[Any, Any]) -> tuple[int, list[Any]]:
    return _dict_print(value), list(value)


def _set_print(value: set[Any]) -> bytes:
    base = id(value) + _HEAD
    mask, table = _word(base + 2 * _WORD), _word(base + 3 * _WORD)  # after fill, used
    return _copied(value, table, (mask + 1) * 2 * _WORD)  # setentry: key, hash


def _bytearray_print(value: bytearray) -> bytes:
    return bytes(value)


def _deque_print(value: collections.deque[Any]) -> tuple[Any, ...]:
    return tuple(value)  # holds the items: no address in it can be reused meanwhile


def _list_works() -> bool:
    probe = [object(), object(), object()]
    if _word(id(probe) + _HEAD) != len(probe):  # ob_size
        return False
    expected = b"".join(id(item).to_bytes(_WORD, "little") for item in probe)
    before = _list_print(probe)
    probe[1] = object()
    return before == expected and _list_print(probe) != before


def _dict_works() -> bool:
    probe: dict[str, Any] = {"a": object()}
    if _word(id(probe) + _HEAD) != len(probe):  # ma_used
        return False
    first = _dict_print(probe)
    same = _dict_print(probe) == first
    probe["a"] = object()
    second = _dict_print(probe)
    probe["b"] = 1
    return same and first != second != _dict_print(probe)


def _set_works() -> bool:
    probe = set(range(1000, 1100))
    base = id(probe) + _HEAD
    if _word(base + _WORD) != len(probe):  # used
        return False
    mask = _word(base + 2 * _WORD)
    if mask + 1 < len(probe) or (mask + 1) & mask:
        return False
    before = _set_print(probe)
    member = next(iter(probe))
    if id(member).to_bytes(_WORD, "little") not in before:
        return False
    probe.discard(member)
    probe.add(5000)
    return _set_print(probe) != before


def _checked(kind: type, works: Callable[[], bool], take: Callable[[Any], Any]) -> Any:
    try:
        return (kind, take) if works() else None
    except (ValueError, OSError, OverflowError):  # pragma: no cover - another layout
        return None


_TAKERS: dict[type, Callable[[Any], Any]] = dict(
    entry
    for entry in (
        _checked(list, _list_works, _list_print),
        _checked(dict, _dict_works, _dict_print),
        _checked(collections.OrderedDict, _dict_works, _ordered_dict_print),
        _checked(set, _set_works, _set_print),
        (bytearray, _bytearray_print),
        (collections.deque, _deque_print),
    )
    if entry is not None
)


def fingerprint(value: Any, keep: list[tuple[Any, ...]] | None = None) -> Any:
    """``value``'s fingerprint, or None when its type has none (checked by length).
    ``keep``: where the items the print names by address go (:func:`held`), for the
    caller to hold while it compares the print."""
    print_ = None
    for kind in type(value).__mro__:  # a subclass keeps its base's layout
        take = _TAKERS.get(kind)
        if take is not None:
            print_ = take(value)
            break
    if keep is not None:
        # Nothing runs between the print and the hold: the items held are the ones
        # the print names.
        items = held(value, print_)
        if items is not None:
            keep.append(items)
    return print_


def unchanged(value: Any, print_: Any) -> bool:
    """Whether ``value`` still has the fingerprint ``print_`` (taken by
    :func:`fingerprint`).  A list is compared in place (memcmp of its item array
    against the copy): no copy of a big list at every check."""
    if print_ is None:
        return True
    if type(print_) is tuple and isinstance(value, collections.deque):
        return len(value) == len(print_) and all(map(operator.is_, value, print_))
    if type(print_) is bytes and isinstance(value, list) and memcmp is not None:
        items = _word(id(value) + _HEAD + _WORD)
        size = len(value) * _WORD
        return size == len(print_) and (size == 0 or memcmp(items, print_, size) == 0)
    return bool(fingerprint(value) == print_)


def supported(kind: type) -> bool:
    """Whether containers of ``kind`` get a fingerprint here."""
    return any(base in _TAKERS for base in kind.__mro__)


def held(value: Any, print_: Any = None) -> tuple[Any, ...] | None:
    """The items a print of ``value`` names by address (a list's, a set's), to be held
    while the print is compared (see the module), or None when its print holds what
    it needs (a dict's tag, a bytearray's bytes, a deque's tuple) or it has none.
    ``print_``: the print just taken of ``value``; a big list's or set's kept print
    whose items are still held from an earlier region gives those items, taking no
    reference."""
    if not (isinstance(value, (list, set)) and supported(type(value))):
        return None
    if type(print_) is not bytes or len(print_) < _KEPT_FROM:
        return _items(value)
    address = id(value)
    entry = _retained.get(address)
    # The same bytes object: _copied found the list's item pointers (the set's table)
    # equal to them, and the items they name were held all along: these are they.
    if entry is not None and entry[0] is print_:
        _used.add(address)
        return entry[1]
    items = _items(value)
    global _retained_items
    if entry is not None:
        del _retained[address]
        _retained_items -= len(entry[1])
    if _retained_items + len(items) <= _RETAINED_ITEMS and _PLAIN.issuperset(map(type, items)):
        _retained[address] = (print_, items)
        _retained_items += len(items)
        _used.add(address)
    return items


def _items(value: list[Any] | set[Any]) -> tuple[Any, ...]:
    """The items themselves: a subclass's own ``__iter__`` (which may give other
    objects, or change the container) is not asked."""
    kind = type(value)
    if kind is list or kind is set:
        return tuple(value)
    return tuple(list.copy(value) if isinstance(value, list) else set.copy(value))


def release_unused() -> None:
    """Let go of the items held for a big list or set no fingerprint asked for since the
    last call (the end of a region's watch): a list the program dropped does not keep
    its items alive beyond the next region's watch."""
    global _retained_items
    for address in [address for address in _retained if address not in _used]:
        _retained_items -= len(_retained.pop(address)[1])
    _used.clear()


# The items held across regions (see the module): id(list) -> (its kept print, its
# items); the lists asked for since release_unused; the number of items held.
_retained: dict[int, tuple[bytes, tuple[Any, ...]]] = {}
_used: set[int] = set()
_retained_items = 0
_RETAINED_ITEMS = 1 << 21  # 2,097,152 items: 64 MB of distinct ints at most
# Values that have no finalizer and take no weak reference: holding them longer
# changes nothing a program can see.
_PLAIN = frozenset({int, float, complex, str, bytes, bool, type(None)})
