"""Long runs of numbers put into a list, carried as machine words.

A thread that stored a million ints into a shared list hands over a change whose
values are a million int objects.  Pickling them costs about 27 ns each in the worker
(and checking that they are all plain numbers 11 ns more), loading them 28 ns in the
master: most of the cost of a store that crosses processes.  When every value of a
long run is an exact ``int`` that fits 64 bits, or every one an exact ``float``, the
run travels instead as the bytes of an ``int64``/``float64`` array, read straight off
the objects' memory with numpy (a gather through their addresses: no Python call per
value), and the receiving process makes the objects back with ``array.tolist()``:
equal values of the same exact type, as unpickling them would make.

The layout read here is CPython's (``ob_type`` after the reference count, a float's
``ob_fval``, an int's size or tag and its 30-bit digits), probed once on values whose
results are known; where the probe fails, numpy is not loaded, or anything is not as
expected (a bool, an int subclass, an int beyond 64 bits, a value not 8-aligned),
:func:`examine` says so and the caller pickles the values as before.  Only reading is
done, and only inside objects the caller's list keeps alive: a digit is read only
where the int's own size says it has one.
"""

from __future__ import annotations

import array
import ctypes
import struct
import sys
from collections.abc import Iterator
from typing import Any

from . import layout

# Runs shorter than this are pickled as before: the numpy set-up (a few microseconds)
# is worth it only for long runs.
MIN_VALUES = 512
_BLOCK = 1 << 15  # values read at a time (temporaries of 256 KB)

_POINTER = ctypes.sizeof(ctypes.c_void_p)
# One window type wide enough for any two addresses of this process (user space is
# 47 bits on x86-64 and arm64 Linux); made once, never touched beyond what is read.
_WIDE = ctypes.c_char * (1 << 47)
_LITTLE = sys.byteorder == "little"
_DTYPES = {"q": "<i8", "d": "<f8"}  # numpy's names of the packed words
_FORMATS = {"q": "<q", "d": "<d"}  # struct's
_ATOMIC_TYPES = (int, float, str, bytes, bool, type(None), complex)  # wire.ATOMIC


def _window(pointers: Any, numpy: Any) -> tuple[Any, Any] | None:
    """``(words, index)`` for the objects at ``pointers``: ``words`` a uint64 view of
    memory from the lowest of them on, ``index`` each object's first word in it;
    None when an object is not 8-aligned."""
    if (pointers & 7).any():
        return None
    base = int(pointers.min())
    top = int(pointers.max()) + 64
    if top - base >= 1 << 47:
        return None
    words = numpy.frombuffer(_WIDE.from_address(base), dtype=numpy.uint64, count=(top - base) // 8)
    index = ((pointers - base) >> 3).view(numpy.intp)  # an index numpy need not convert
    return words, index


def _ints(words: Any, index: Any, numpy: Any) -> Any | None:
    """The values of exact ints (their objects at ``index``) as int64, or None when
    one needs more than 63 bits.

    Digits 0 and 1 are read as one word (bytes 24-31 of the object: every int's
    allocation holds them, a one-digit int is 28 bytes rounded up to 32); digit 2 only
    where the int has it."""
    tag = words[index + 2].view(numpy.int64)
    if _INT_LAYOUT == "size":  # 3.11: ob_size, the digit count with the sign
        negative = tag < 0
        count = numpy.abs(tag)
    else:  # 3.12+: lv_tag, digit count << 3 | sign (0 positive, 1 zero, 2 negative)
        negative = (tag & 3) == 2
        count = tag >> 3
    most = int(count.max())
    if most > 3:
        return None
    word = words[index + 3]
    mask = numpy.uint64(_DIGIT_MASK)
    value = word & mask
    if int(count.min()) < 1:
        value[count < 1] = 0
    if most >= 2:
        high = (word >> numpy.uint64(32)) & mask
        if int(count.min()) < 2:
            high[count < 2] = 0
        value |= high << numpy.uint64(30)
    if most == 3:
        has = count > 2
        third = words.view(numpy.uint32)[index[has] * 2 + 8].astype(numpy.uint64)
        if (third >= 8).any():
            return None  # 2**63 or more: not an int64 (-2**63 included: rare)
        value[has] |= third << numpy.uint64(60)
    signed = value.view(numpy.int64)
    return numpy.where(negative, -signed, signed)


def examine(
    values: list[Any], pack: bool = True, start: int = 0, stop: int | None = None
) -> tuple[str, Any] | None:
    """What ``values[start:stop]`` (a plain list's items, read where they lie) hold,
    read in bulk: ``("q", int64 words)`` when all are exact ints within 64 bits,
    ``("d", float64 words)`` when all are exact floats (a bytearray; ``pack`` False:
    None), ``("s", None)`` when all are exact strings, ``("a", None)`` when all are of
    the other atomic types that travel by value, or of several
    (``wire.ATOMIC``), ``("o", None)`` otherwise.  None when it cannot tell cheaply
    (a short run, no numpy, a layout not probed).

    The list is read in blocks of :data:`_BLOCK` values: numpy's temporaries then
    stay in memory the allocator has (a temporary of a million values is 8 MB of
    fresh pages, faulted in on every operation)."""
    numpy = sys.modules.get("numpy")
    if (
        numpy is None
        or not ready()
        or type(values) is not list
        or layout._ITEM_OFFSET is None
    ):
        return None
    stop = len(values) if stop is None else stop
    n = stop - start
    if n < MIN_VALUES:
        return None
    pointers = layout._pointer_array(values, stop, numpy)[start:]
    code = ""
    packed: Any = None
    out: Any = None
    for first in range(0, n, _BLOCK):
        window = _window(pointers[first : first + _BLOCK], numpy)
        if window is None:
            return None
        words, index = window
        types = words[index + 1]
        if code in ("", "q") and (types == _INT).all():
            code = "q"
            if not pack:
                continue
            ints = _ints(words, index, numpy)
            if ints is None:
                code = "a"  # exact ints, one beyond 64 bits: atomic, not packed
                continue
        elif code in ("", "d") and (types == _FLOAT).all():
            code = "d"
            if not pack:
                continue
            ints = words[index + 2]  # ob_fval's bits, 16 bytes in
        elif code in ("", "s") and (types == _STR).all():
            code = "s"  # exact strings: atomic, and carried joined (:func:`joined`)
            continue
        else:
            known = numpy.zeros(len(types), dtype=bool)
            for kind in _ATOMIC_TYPES:
                known |= types == id(kind)
            if not known.all():
                return ("o", None)
            code = "a"
            continue
        if out is None:
            packed = bytearray(8 * n)
            out = numpy.frombuffer(packed, dtype=numpy.uint64)
        out[first : first + len(index)] = ints.view(numpy.uint64)
    if code == "a" or code == "s" or not pack:
        return (code, None)
    if not _LITTLE:  # pragma: no cover - a big-endian machine
        out.byteswap(inplace=True)
    return (code, packed)


# Joined strings are separated by this character (:func:`joined`), which no value holds.
_SEPARATOR = "\0"
# Strings joined at a time: each block's joined text is freed before the next is made,
# so that its memory is used again, where the text of 100,000 hashes (6.4 MB) was
# fresh pages, faulted in one at a time, in the worker and again in the master.
STRINGS_BLOCK = 1 << 13


def joined(values: list[Any], start: int, stop: int) -> list[bytes] | None:
    """``values[start:stop]``, exact strings (:func:`examine` said ``"s"``), as the
    UTF-8 of their join by a NUL (lone surrogates kept, as pickle keeps them), a
    block of :data:`STRINGS_BLOCK` strings at a time: a couple of passes in C where
    pickling them costs a call per string, and bytes that travel out of band; None
    when a value holds a NUL itself (they then travel pickled).  :func:`unpack`
    (code ``"s"``) makes the strings back."""
    numpy = sys.modules.get("numpy")
    if numpy is None:
        return None
    blocks = []
    for first in range(start, stop, STRINGS_BLOCK):
        last = min(first + STRINGS_BLOCK, stop)
        data = _SEPARATOR.join(values[first:last]).encode("utf-8", "surrogatepass")
        # UTF-8 has a zero byte only for U+0000: the separators, or a value holds one.
        zeros = len(data) - int(numpy.count_nonzero(numpy.frombuffer(data, dtype=numpy.uint8)))
        if zeros != last - first - 1:
            return None
        blocks.append(data)
    return blocks


def unpack(code: str, raw: Any) -> list[Any]:
    """The values :func:`examine` packed (exact ints or floats) or :func:`joined`
    joined (code ``"s"``: ``raw`` its blocks; exact strings), as new objects."""
    if code == "s":
        values: list[Any] = []
        for block in raw:
            values += str(block, "utf-8", "surrogatepass").split(_SEPARATOR)
        return values
    numpy = sys.modules.get("numpy")
    if numpy is not None:
        values = numpy.frombuffer(raw, dtype=_DTYPES[code]).tolist()
        return values
    words = array.array(code, raw)
    if not _LITTLE:  # pragma: no cover - a big-endian machine
        words.byteswap()
    return words.tolist()


class Words:
    """Packed values (:func:`examine`) kept packed until they are put into a list: the
    runs of a worker's last part, received by the master (``wire.Parcel``), which
    checks them (a length, a value where two threads clash) and then puts them into
    the live list a block at a time (:meth:`put`): no list of a million new values
    next to the list they go into."""

    __slots__ = ("code", "raw")

    def __init__(self, code: str, raw: Any) -> None:
        self.code, self.raw = code, raw

    def __len__(self) -> int:
        return len(self.raw) // 8

    def __getitem__(self, index: int) -> Any:
        if not 0 <= index < len(self):
            raise IndexError(index)
        return struct.unpack_from(_FORMATS[self.code], self.raw, 8 * index)[0]

    def __iter__(self) -> Iterator[Any]:
        return iter(unpack(self.code, self.raw))

    def put(self, target: list[Any], start: int) -> None:
        """``target[start:start + len(self)] = values``, a block at a time (with the
        list's own ``__setitem__``, as ``shadow._put`` does)."""
        setitem = list.__setitem__
        raw = memoryview(self.raw).cast("B")
        step = 8 * _BLOCK
        for at in range(0, len(raw), step):
            values = unpack(self.code, raw[at : at + step])
            setitem(target, slice(start + at // 8, start + at // 8 + len(values)), values)


_INT, _FLOAT, _STR = id(int), id(float), id(str)
_DIGIT_MASK = (1 << 30) - 1
_INT_LAYOUT = "tag" if sys.version_info >= (3, 12) else "size"
_USABLE = False


def _probe() -> bool:
    """Whether this interpreter's objects read as this module expects, tried on
    values whose results are known (numpy needed; asked again when it arrives)."""
    numpy = sys.modules.get("numpy")
    if numpy is None or sys.implementation.name != "cpython" or layout._ITEM_OFFSET is None:
        return False
    try:
        ints = [0, 1, -1, 5, 255, 256, 257, -5, -6, 2**30 - 1, 2**30, -(2**30), 2**31,
                2**60 - 1, 2**60, 2**62 + 12345, -(2**63) + 1, 2**63 - 1, 10**15, -(10**15)]
        ints = ints * (MIN_VALUES // len(ints) + 1)
        floats = [0.0, -0.0, 1.5, -2.25, 1e300, float("inf"), 5e-324] * (MIN_VALUES // 7 + 1)
        examine = _examine  # the function itself, whatever replaced the module's name
        found = examine(ints), examine(floats)
        if found[0] != ("q", array.array("q", ints).tobytes() if _LITTLE else None):
            return False
        if found[1] != ("d", array.array("d", floats).tobytes() if _LITTLE else None):
            return False
        mixed = [*ints[:-1], True]
        if examine(mixed) != ("a", None) or examine([*ints[:-1], object()]) != ("o", None):
            return False
        return examine([2**63, *ints[1:]]) == ("a", None)
    except Exception:  # pragma: no cover - an interpreter without this layout
        return False


_examine = examine


def ready() -> bool:
    """Probe once numpy is there (packing is off until then)."""
    global _USABLE, _PROBED
    if not _PROBED and "numpy" in sys.modules:
        _PROBED = True
        _USABLE = True  # for the probe's own calls
        _USABLE = _probe()
    return _USABLE


_PROBED = False
