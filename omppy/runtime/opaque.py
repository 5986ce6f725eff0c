"""Objects omppy cannot look into: compared whole, carried where they take a state.

A C type's state (``random.Random``'s generator, ``array.array``, ``itertools.count``)
is not in a ``__dict__``: such an object is compared by its pickle
(:class:`OpaqueShadow`), and a change is carried when the type can be given a state
(``__setstate__``), otherwise refused.  A hash object (``hashlib.sha256()``) cannot
be pickled: it is compared by the digest of a copy (:class:`DigestShadow`), and a
change to it is refused.  Values of C types that cannot change are never watched.

One idea: objects omppy cannot look into, each compared by what can be read of it
from outside (its pickle, a checksum of its bytes, a digest, a position, a frame);
one shadow class per such reading.
"""

from __future__ import annotations

import collections
import datetime
import decimal
import gc
import operator
import os
import pickle
import re
import sys
import types
import warnings
import zlib
from typing import Any

from .objects import CannotCarry, Shadow, is_database, numpy_module

OPAQUE_LIMIT = 64 << 10  # pickled size up to which such objects are always compared


class OpaqueShadow(Shadow):
    """An object omppy cannot look into (a C type's state), by its pickle: a change
    to it is found and, when the type can take a state (``__setstate__``, as
    ``random.Random`` can), carried as that state; otherwise refused.  Compared when
    its pickle is small, or always under ``OMPPY_CHECK=1``."""

    __slots__ = ("data",)

    def __init__(self, live: Any) -> None:
        self.data = pickled(live)

    def retake(self, live: Any) -> None:
        self.data = pickled(live)

    def diff(self, live: Any) -> tuple[Any, ...] | None:
        data = pickled(live)
        if data == self.data:
            return None
        return ("P", type(live).__qualname__, data if takes_state(live) else None)

    def apply(self, live: Any, change: tuple[Any, ...]) -> None:
        data = change[2] if len(change) > 2 else None
        if data is None:
            raise CannotCarry(change[1])
        try:
            _give_state(live, pickle.loads(data))
        except (TypeError, ValueError, AttributeError):
            raise CannotCarry(change[1]) from None
        if pickled(live) != data:  # the state did not take: refuse rather than lose it
            raise CannotCarry(change[1])
        self.data = data


class LargeOpaqueShadow(Shadow):
    """An object omppy cannot look into whose pickle is larger than ``OPAQUE_LIMIT``
    (a big ``array.array``, a C library's table): keeping its pickle and handing it
    whole at every synchronisation point would cost too much, so it is compared by a
    checksum of its bytes (its buffer when it has one, else its pickle), and a change
    by a thread is refused by name rather than kept by that thread alone.
    ``OMPPY_CHECK=1`` compares and carries it as :class:`OpaqueShadow` does."""

    __slots__ = ("sum",)

    def __init__(self, live: Any) -> None:
        self.sum = checksum(live)

    def retake(self, live: Any) -> None:
        self.sum = checksum(live)

    def diff(self, live: Any) -> tuple[Any, ...] | None:
        if checksum(live) == self.sum:
            return None
        kind = type(live)
        what = (
            f"{kind.__module__}.{kind.__qualname__} object larger than "
            f"{OPAQUE_LIMIT >> 10} KiB, which omppy compares only by a checksum"
        )
        return ("P", what, None)

    def apply(self, live: Any, change: tuple[Any, ...]) -> None:
        raise CannotCarry(change[1])


def checksum(value: Any) -> tuple[int, int] | None:
    """``(size, crc32)`` of ``value``'s bytes: its buffer (``array.array``), read in
    place, or its pickle; None when it has neither."""
    try:
        view = memoryview(value).cast("B")
    except (TypeError, ValueError):
        data = pickled(value)
        if data is None:
            return None
        return len(data), zlib.crc32(data)
    with view:
        return view.nbytes, zlib.crc32(view)


def uncomparable(value: Any) -> bool:
    """Whether ``value`` keeps state in C that omppy can neither compare nor carry: a
    C type's object (no ``__dict__`` of its own, or a C base) that cannot be pickled
    and is no hash object, generator, iterator over a sequence, queue or database
    (``zlib.compressobj()``, a C library's encoder)."""
    kind = type(value)
    if kind.__module__ == "builtins" or isinstance(value, _COMPARED_KINDS):
        return False  # (a ``defaultdict(lambda: ...)`` is compared as a dict)
    if special_shadow(value) is not None or unchangeable(value):
        return False
    np = numpy_module()
    if np is not None and isinstance(value, np.ndarray):
        return False
    if digest_of(value) is not None:
        return False
    if getattr(value, "__dict__", None) is not None and not has_c_state(kind):
        return False
    return pickled(value) is None


# Kinds compared item by item whatever their pickle (shadow.py).
_COMPARED_KINDS = (list, dict, set, frozenset, tuple, bytearray, bytes, str, collections.deque)


def _give_state(live: Any, fresh: Any) -> None:
    """Make ``live`` hold ``fresh``'s state.  A numpy ``Generator`` keeps it in its
    bit generator (its own ``__getstate__`` gives nothing)."""
    source = getattr(fresh, "bit_generator", None)
    target = getattr(live, "bit_generator", None)
    if source is not None and target is not None and hasattr(target, "state"):
        target.state = source.state
        return
    _set_state(live, fresh)


def _set_state(live: Any, twin: Any) -> None:
    """Give ``live`` the state of ``twin`` (its copy from another process): the state
    its pickle carries (``iter(work)``'s position, a ``random.Random``'s generator)."""
    reduced = twin.__reduce_ex__(pickle.HIGHEST_PROTOCOL)
    state = reduced[2] if isinstance(reduced, tuple) and len(reduced) > 2 else None
    builtin_iterator = type(live).__module__ == "builtins" and hasattr(live, "__next__")
    if builtin_iterator and not state and operator.length_hint(twin, 1) == 0:
        # A built-in iterator the other thread ran to its end: its pickle is a fresh
        # iterator over nothing, whose position 0 would rewind ours.
        for _ in live:
            pass
        return
    live.__setstate__(state if state is not None else twin.__getstate__())


def special_shadow(value: Any) -> Shadow | None:
    """The shadow of a generator, a built-in iterator over a sequence (or a ``zip``
    of such), a ``queue.SimpleQueue`` or an ``sqlite3`` connection; None for
    anything else."""
    kind = type(value)
    if kind is types.GeneratorType:
        return GeneratorShadow(value)
    if kind in _SEQUENCE_ITERATORS:
        return PositionShadow(value)
    if kind is zip and all(type(it) in _SEQUENCE_ITERATORS for it in _zipped(value)):
        return ZipShadow(value)
    if kind.__module__ == "_queue" and kind.__name__ == "SimpleQueue":
        return QueueSizeShadow(value)
    if is_database(value):
        return DatabaseShadow(value)
    return None


# Iterators over a sequence, whose whole state is a position: ``it = iter(work)``
# drawn with ``next(it)`` in a critical (a work queue).
_SEQUENCE_ITERATORS: tuple[type, ...] = (
    type(iter([])),
    type(iter(())),
    type(iter(range(1))),
    type(iter(range(1 << 64))),
    type(iter("")),
    type(iter(b"")),
    type(iter(bytearray())),
    type(reversed([])),
)


class PositionShadow(Shadow):
    """A built-in iterator over a sequence, by its position (from its ``__reduce__``:
    the sequence itself is a shared object, watched on its own), whatever the size of
    the sequence; carried by setting the position, or by running it to its end."""

    __slots__ = ("position",)

    def __init__(self, live: Any) -> None:
        self.position = _position(live)

    def retake(self, live: Any) -> None:
        self.position = _position(live)

    def diff(self, live: Any) -> tuple[Any, ...] | None:
        position = _position(live)
        if position == self.position:
            return None
        return ("I", position)

    def apply(self, live: Any, change: tuple[Any, ...]) -> None:
        position = change[1]
        if position is None:
            for _ in live:  # run to its end by the other thread
                pass
        else:
            live.__setstate__(position)
        self.position = _position(live)


class ZipShadow(Shadow):
    """A ``zip`` of built-in iterators over sequences (``pairs = zip(names, sizes)``
    drawn with ``next(pairs)`` in a critical): by the positions of the iterators it
    holds, each carried as :class:`PositionShadow` carries one."""

    __slots__ = ("positions",)

    def __init__(self, live: Any) -> None:
        self.positions = _zip_positions(live)

    def retake(self, live: Any) -> None:
        self.positions = _zip_positions(live)

    def diff(self, live: Any) -> tuple[Any, ...] | None:
        positions = _zip_positions(live)
        if positions == self.positions:
            return None
        return ("Z", positions)

    def apply(self, live: Any, change: tuple[Any, ...]) -> None:
        for iterator, position in zip(_zipped(live), change[1], strict=True):
            if position is None:
                for _ in iterator:  # run to its end by the other thread
                    pass
            else:
                iterator.__setstate__(position)
        self.positions = _zip_positions(live)


def _zipped(live: Any) -> tuple[Any, ...]:
    """The iterators a ``zip`` draws from (its ``__reduce__``: ``(zip, iterators)``)."""
    return tuple(live.__reduce__()[1])


def _zip_positions(live: Any) -> tuple[Any, ...]:
    return tuple(_position(iterator) for iterator in _zipped(live))


def _position(live: Any) -> Any:
    reduced = live.__reduce__()
    return reduced[2] if len(reduced) > 2 else None  # None: exhausted


class DatabaseShadow(Shadow):
    """An ``sqlite3`` connection, by its count of changed rows: every process has a
    copy of it (an in-memory database is the process's own memory; a file's
    connection must not be used across a fork), so rows written in a region are
    refused by name rather than kept by one thread."""

    __slots__ = ("changes",)

    def __init__(self, live: Any) -> None:
        self.changes = _total_changes(live)

    def retake(self, live: Any) -> None:
        self.changes = _total_changes(live)

    def diff(self, live: Any) -> tuple[Any, ...] | None:
        if _total_changes(live) == self.changes:
            return None
        what = "sqlite3 connection: collect the rows in a list and write them after the region"
        return ("P", what, None)

    def apply(self, live: Any, change: tuple[Any, ...]) -> None:
        raise CannotCarry(change[1])


def _total_changes(live: Any) -> int:
    try:
        return int(live.total_changes)
    except Exception:  # closed
        return -1


class QueueSizeShadow(Shadow):
    """A ``queue.SimpleQueue``: its items live in C and it cannot be pickled, so a
    change (found by its size) is refused by name rather than lost."""

    __slots__ = ("size",)

    def __init__(self, live: Any) -> None:
        self.size = live.qsize()

    def retake(self, live: Any) -> None:
        self.size = live.qsize()

    def diff(self, live: Any) -> tuple[Any, ...] | None:
        if live.qsize() == self.size:
            return None
        return ("P", "queue.SimpleQueue: use a queue.Queue, a list or a deque", None)

    def apply(self, live: Any, change: tuple[Any, ...]) -> None:
        raise CannotCarry(change[1])


class GeneratorShadow(Shadow):
    """A generator the team shares (a work queue drawn with ``next(jobs)``), by where
    its frame stands and what its locals hold.  A generator can be neither pickled nor
    given a state: one that a worker advances is refused, rather than each process
    drawing the same items from its own copy.  One that only the master advances (a
    ``for`` over it inside a region: thread 0 draws it and hands out the items) stays
    as it is in the workers, which do not use it; a worker that then advances its
    stale copy changes it, which is refused.  A step is seen by where the frame
    stands, what its locals hold and where the iterators it holds stand, those of a
    ``for`` in its body too (``for x in items: yield 5`` keeps its locals as they
    were, but its list iterator moves); a step that changes none of these changes
    nothing the generator will yield."""

    __slots__ = ("master", "state")

    def __init__(self, live: Any) -> None:
        self.state = _generator_state(live)
        self.master = os.getpid()  # shadows are made in the master, before the fork

    def retake(self, live: Any) -> None:
        self.state = _generator_state(live)

    def diff(self, live: Any) -> tuple[Any, ...] | None:
        state = _generator_state(live)
        if state == self.state:
            return None
        name = getattr(live, "__qualname__", "?")
        what = f"generator, {name}(): draw its items into a list before the region"
        return ("P", what, os.getpid() == self.master)

    def apply(self, live: Any, change: tuple[Any, ...]) -> None:
        if len(change) > 2 and change[2] is True:
            return  # the master drew it: a worker's copy is left behind (see above)
        raise CannotCarry(change[1])


def _generator_state(gen: Any) -> Any:
    frame = gen.gi_frame
    if frame is None:
        return None  # finished
    values = tuple(
        v if type(v) in (int, float, str, bytes, bool) else id(v) for v in frame.f_locals.values()
    )
    inner = gen.gi_yieldfrom
    below = _generator_state(inner) if isinstance(inner, types.GeneratorType) else id(inner)
    return (frame.f_lasti, values, below, _positions(gen))


def _positions(gen: Any) -> tuple[Any, ...]:
    """Where the iterators a generator holds stand: in its locals and on its frame's
    value stack (a ``for`` loop's iterator, which ``f_locals`` does not show), as the
    collector's traversal of the generator reaches them."""
    found = []
    filters: Any = warnings.filters
    filters.insert(0, _QUIET)  # itertools objects' __reduce__ is deprecated in 3.12+
    try:
        for held in gc.get_referents(gen):
            if type(held) is not types.GeneratorType and hasattr(type(held), "__next__"):
                found.append(_where(held, 2))
    finally:
        try:
            filters.remove(_QUIET)
        except ValueError:
            pass
    return tuple(found)


def _where(iterator: Any, levels: int) -> Any:
    """An iterator's position as its ``__reduce__`` tells it: numbers kept, what it
    iterates over by identity, the iterators it draws from (``enumerate(iter(x))``)
    ``levels`` down."""
    try:
        reduced = iterator.__reduce__()
    except Exception:
        return id(iterator)
    if not isinstance(reduced, tuple):
        return id(iterator)
    parts: list[Any] = []
    for part in reduced[1:]:
        for value in part if type(part) is tuple else (part,):
            if type(value) in (int, float, str, bytes, bool, type(None)):
                parts.append(value)
            elif levels > 1 and hasattr(type(value), "__next__"):
                parts.append(_where(value, levels - 1))
            else:
                parts.append(id(value))
    return tuple(parts)


class DigestShadow(Shadow):
    """A hash object (``hashlib.sha256()``, ``hashlib.md5()``...), by the digest of a
    copy: it cannot be pickled nor given a state, so a change to it is found and
    refused (it cannot be carried), rather than lost."""

    __slots__ = ("data",)

    def __init__(self, live: Any) -> None:
        self.data = digest_of(live)

    def retake(self, live: Any) -> None:
        self.data = digest_of(live)

    def diff(self, live: Any) -> tuple[Any, ...] | None:
        if digest_of(live) == self.data:
            return None
        return ("P", f"{type(live).__qualname__} object ({getattr(live, 'name', '?')})", None)

    def apply(self, live: Any, change: tuple[Any, ...]) -> None:
        raise CannotCarry(change[1])


class ProbeShadow(Shadow):
    """A compression object (``zlib.compressobj()``, ``zlib.decompressobj()``): it
    cannot be pickled nor given a state, but a copy of it can be flushed, which
    leaves it as it was; the flushed bytes (and a decompressor's leftovers) tell its
    state apart.  A change by a thread is found and refused by name, not lost."""

    __slots__ = ("data",)

    def __init__(self, live: Any) -> None:
        self.data = probe_of(live)

    def retake(self, live: Any) -> None:
        self.data = probe_of(live)

    def diff(self, live: Any) -> tuple[Any, ...] | None:
        if probe_of(live) == self.data:
            return None
        kind = type(live)
        return ("P", f"{kind.__module__}.{kind.__qualname__} object", None)

    def apply(self, live: Any, change: tuple[Any, ...]) -> None:
        raise CannotCarry(change[1])


_PROBED = frozenset({("zlib", "Compress"), ("zlib", "Decompress")})


def probe_of(value: Any) -> tuple[Any, ...] | None:
    """What a flushed copy of a compression object gives (with a decompressor's
    unused input and end mark); None for anything else.  A copy that cannot be made
    (an object flushed to its end) reads as its own state: ``("ended",)``."""
    kind = type(value)
    if (kind.__module__, kind.__name__) not in _PROBED:
        return None
    try:
        twin = value.copy()
        flushed = twin.flush()
    except Exception:
        return ("ended",)
    return (
        flushed,
        getattr(value, "unused_data", None),
        getattr(value, "unconsumed_tail", None),
        getattr(value, "eof", None),
    )


def digest_of(value: Any) -> bytes | None:
    """The digest of a copy of a hash object (one with ``copy`` and ``digest``), which
    leaves the object itself as it was; None for anything else."""
    copy = getattr(value, "copy", None)
    if not callable(copy) or not callable(getattr(value, "digest", None)):
        return None
    try:
        twin = copy()
        try:
            data = twin.digest()
        except TypeError:  # shake_128/256 take a length
            data = twin.digest(64)
    except Exception:
        return None
    return data if isinstance(data, bytes) else None


def takes_state(value: Any) -> bool:
    kind = type(value)
    return getattr(kind, "__setstate__", None) is not None and callable(
        getattr(kind, "__getstate__", None)
    )


def has_c_state(kind: type) -> bool:
    """Whether instances of ``kind`` keep state in a C base class (``random.Random``
    subclasses ``_random.Random``): their ``__dict__`` is not all of their state."""
    known = _C_STATE_KINDS.get(kind)
    if known is None:
        known = any(_defined_in_c(base) for base in kind.__mro__[1:])
        if len(_C_STATE_KINDS) < 4096:
            _C_STATE_KINDS[kind] = known
    return known


_C_STATE_KINDS: dict[type, bool] = {}


def _defined_in_c(base: type) -> bool:
    """A class of a built-in or extension module (not of Python source), other than
    the built-in types themselves (a ``dict`` subclass is watched as a dict)."""
    name = base.__module__
    if base is object or name == "builtins":
        return False
    module = sys.modules.get(name)
    if module is None:
        return False
    path = getattr(module, "__file__", None)
    if path is None:
        return name in sys.builtin_module_names
    return not path.endswith((".py", ".pyc"))


def pickled(value: Any) -> bytes | None:
    # Python 3.12+ deprecates pickling itertools objects; a comparison is not the
    # program's pickling.  Not warnings.catch_warnings(): entering it makes every
    # "once per place" warning of the program show again (see forking.py).
    filters: Any = warnings.filters
    filters.insert(0, _QUIET)
    try:
        return pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:
        return None
    finally:
        try:
            filters.remove(_QUIET)
        except ValueError:
            pass


_QUIET = ("ignore", None, DeprecationWarning, None, 0)


def unchangeable(value: Any) -> bool:
    """Values of C types that cannot change."""
    if isinstance(value, _VALUE_TYPES):
        return True
    np = numpy_module()
    return np is not None and isinstance(value, (np.generic, np.dtype))


_VALUE_TYPES = (
    datetime.date,
    datetime.time,
    datetime.timedelta,
    datetime.tzinfo,
    decimal.Decimal,
    re.Pattern,
    re.Match,
    memoryview,
)
