"""How a thread's changes travel to the other processes of its team, pickled.

- Shared objects go by token (:class:`_TokenPickler`, :class:`_TokenUnpickler`: a
  persistent id), so that the receiving process's own object is used (see
  ``replica.py`` for the tokens); a module goes by its name; everything else by
  value.
- A record that holds no shared object is pickled all in C (:func:`dump_plain`,
  marked by :data:`PLAIN`).
- A list change that puts only atomic values is packed into one pickle
  (:func:`_packed`, :func:`_unpacked`), loaded in C at the other end; one whose
  long runs are all exact ints within 64 bits, or all floats, goes as machine words
  (``packing.py``: ``"L#"``, ``"M#"``, ``"S#"`` records); another long one into a
  pickle per :data:`CHUNK` values (``"L+"``, ``"M+"``, ``"S+"``).
"""

from __future__ import annotations

import io
import pickle
import sys
import types
from typing import TYPE_CHECKING, Any

from . import packing
from .errors import OmpError

if TYPE_CHECKING:
    from .replica import Change, Token

ATOMIC = frozenset({int, float, str, bytes, bool, type(None), complex})

PLAIN = b"P"  # marks a payload pickled by the plain pickler (a token pickle starts b"\x80")


def dump_plain(payload: tuple[Any, ...]) -> bytes:
    """A record that holds no shared object (``([], seen, kind, {"count": 3})``),
    pickled all in C; :meth:`Replica.load_changes` reads it."""
    return PLAIN + pickle.dumps(payload, protocol=pickle.HIGHEST_PROTOCOL)


# List changes found to put only atomic values, by id, from the moment they are
# packed or unpacked until the replica has settled or applied them (``forget``): a
# partition's change of a million floats was checked again by each step (18 ms each).
_ATOMIC: dict[int, Change] = {}


def _all_atomic(change: Change) -> bool:
    """Whether a list change ("L", "M" or "S") puts only atomic values (checked in C)."""
    if _ATOMIC.get(id(change)) is change:
        return True
    if change[0] == "S" or change[0] == "M":
        return _sort(change[3], False)[0] != "o"
    return all(_sort(values, False)[0] != "o" for _, values in change[1])


def _sort(values: list[Any], pack: bool = True) -> tuple[str, Any]:
    """``packing.examine(values, pack)``, or for a short list the check in C: ``("a",
    None)`` (atomic values) or ``("o", None)``."""
    found = packing.examine(values, pack)
    if found is None:
        return ("a" if ATOMIC.issuperset(map(type, values)) else "o", None)
    return found


def forget() -> None:
    """The changes :func:`_all_atomic` knows were settled or applied."""
    _ATOMIC.clear()


def _dump_flat(values: Any) -> bytes:
    """Atomic values in lists (no container twice, no cycle), pickled without the
    memo: the memo would remember every string (100,000 hashes stored: a dict of
    100,000 entries, ten times the pickling's own cost), and nothing here is met
    twice.  Equal strings arrive as separate objects, as they would be made anew."""
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.fast = True  # no memo
    pickler.dump(values)
    return buffer.getvalue()


# Values of a long list change checked for atomic types and pickled a chunk at a time:
# a sorted half's floats lie all over memory, and checking them all, then pickling
# them all, fetched each one from memory twice (three times slower than a chunk's
# objects read twice while they are in the cache).
CHUNK = 8192


def _values_count(change: Change) -> int:
    if change[0] == "L":
        return sum(len(values) for _, values in change[1])
    return len(change[3])


def _dump_chunks(values: list[Any]) -> list[bytes] | None:
    """``values`` pickled a :data:`CHUNK` at a time, each checked first; None when one
    is not atomic (the change then travels as it is, by the token pickler)."""
    pieces = []
    for start in range(0, len(values), CHUNK):
        chunk = values[start : start + CHUNK]
        if not ATOMIC.issuperset(map(type, chunk)):
            return None
        pieces.append(_dump_flat(chunk))
    return pieces


def _load_chunks(pieces: list[bytes]) -> list[Any]:
    values: list[Any] = []
    for piece in pieces:
        values += pickle.loads(piece)
    return values


def _packed(change: Change) -> Change:
    kind = change[0]
    if kind not in ("L", "M", "S"):
        return change
    if _ATOMIC.get(id(change)) is not change:
        found = [_sort(values) for _, values in change[1]] if kind == "L" else [_sort(change[3])]
        if any(code == "o" for code, _ in found):
            return change
        _ATOMIC[id(change)] = change  # settled next: not checked again
        if all(code in ("q", "d") for code, _ in found):  # machine words (packing.py)
            if kind == "L":
                starts = [start for start, _ in change[1]]
                return ("L#", [(s, *words) for s, words in zip(starts, found, strict=True)])
            return (kind + "#", change[1], change[2], *found[0])
        if _values_count(change) > CHUNK:
            return _packed_in_chunks(change)  # (strings, mixed types: a chunk at a time)
    if kind == "L":
        return ("L*", _dump_flat(change[1]))
    if kind == "M":
        return ("M*", change[1], change[2], _dump_flat(change[3]))
    return ("S*", change[1], change[2], _dump_flat(change[3]))


def _packed_in_chunks(change: Change) -> Change:
    """A long change packed as ``"L+"`` (each run's values in chunks), ``"M+"`` or
    ``"S+"``; the change itself when a value is not atomic."""
    kind = change[0]
    if kind == "L":
        runs = []
        for start, values in change[1]:
            pieces = _dump_chunks(values)
            if pieces is None:
                return change
            runs.append((start, pieces))
        packed: Change = ("L+", runs)
    else:
        pieces = _dump_chunks(change[3])
        if pieces is None:
            return change
        packed = (f"{kind}+", change[1], change[2], pieces)
    _ATOMIC[id(change)] = change  # settled next: not checked again
    return packed


def _unpacked(change: Change, kept: bool = False) -> Change:
    """``change`` as it was before :func:`_packed`.  ``kept``: a worker's last part
    (``wire.Parcel``), applied once to the live list: its machine words stay packed
    (``packing.Words``) until then."""
    kind = change[0]
    if kind == "L#" and kept:
        change = (
            "L",
            [
                (start, packing.unpack(code, raw) if code == "s" else packing.Words(code, raw))
                for start, code, raw in change[1]
            ],
        )
    elif kind == "L#":
        change = ("L", [(start, packing.unpack(code, raw)) for start, code, raw in change[1]])
    elif kind == "M#" or kind == "S#":
        change = (kind[0], change[1], change[2], packing.unpack(change[3], change[4]))
    elif kind == "L*":
        change = ("L", pickle.loads(change[1]))
    elif kind == "S*":
        change = ("S", change[1], change[2], pickle.loads(change[3]))
    elif kind == "M*":
        change = ("M", change[1], change[2], pickle.loads(change[3]))
    elif kind == "L+":
        change = ("L", [(start, _load_chunks(pieces)) for start, pieces in change[1]])
    elif kind == "M+" or kind == "S+":
        change = (kind[0], change[1], change[2], _load_chunks(change[3]))
    else:
        return change
    _ATOMIC[id(change)] = change  # packed because atomic: applied next, not checked again
    return change


class Parcel:
    """A payload pickled with its big buffers apart (pickle protocol 5, out of band):
    ``data`` the pickle, ``buffers`` the buffers it names.  A worker's last part
    travels so when it holds machine words (``packing.py``): its report pickles them
    out of band too, so they are written to the pipe from where they lie and the
    master unpacks them from the report it received, without a copy on either side
    (``worker._pickle_report``, ``join._decode``)."""

    __slots__ = ("buffers", "data")

    def __init__(self, data: bytes, buffers: list[Any]) -> None:
        self.data = data
        self.buffers = buffers

    def __reduce__(self) -> tuple[Any, ...]:
        return (Parcel, (self.data, self.buffers))


_MODULE = "module"  # a persistent id (_MODULE, name); no token starts with a string


_EXCEPTION = "exception"  # a persistent id (_EXCEPTION, class, args, attributes)


def reduce_exception(error: BaseException) -> Any:
    """How an exception in a worker's results is pickled: rebuilt from its class,
    ``args`` and attributes without calling ``__init__`` (see :func:`_exception_id`),
    or ``NotImplemented``."""
    if type(error).__reduce__ is not BaseException.__reduce__:
        return NotImplemented
    return (rebuilt_exception, (type(error), error.args, dict(vars(error))))


def _exception_id(error: BaseException) -> Any:
    """An exception kept in shared data (``errors.append(e)``) as its class, ``args``
    and attributes: pickle would rebuild it by calling the class with ``args``, which
    fails for a class whose ``__init__`` takes other arguments (``BadRecord(index,
    reason)`` passing a message to ``Exception``).  ``None`` (pickled as usual) for a
    class with a ``__reduce__`` of its own (``OSError``)."""
    if type(error).__reduce__ is not BaseException.__reduce__:
        return None
    return (_EXCEPTION, type(error), error.args, dict(vars(error)))


def rebuilt_exception(kind: type, args: tuple[Any, ...], attributes: dict[str, Any]) -> Any:
    error = kind.__new__(kind, *args)
    error.args = args
    vars(error).update(attributes)
    return error


class _TokenPickler(pickle.Pickler):
    def __init__(
        self, file: io.BytesIO, tokens: dict[int, Token], buffer_callback: Any = None
    ) -> None:
        super().__init__(
            file, protocol=pickle.HIGHEST_PROTOCOL, buffer_callback=buffer_callback
        )
        self.tokens = tokens

    def persistent_id(self, obj: Any) -> Any:
        if type(obj) in ATOMIC:
            return None
        if type(obj) is types.ModuleType:
            # A module published by name (``settings.total += i`` in a block): every
            # process has it, under its name.
            return (_MODULE, obj.__name__)
        token = self.tokens.get(id(obj))
        if token is None and isinstance(obj, BaseException):
            return _exception_id(obj)
        return token


class _TokenUnpickler(pickle.Unpickler):
    def __init__(
        self, file: io.BytesIO, objects: dict[Token, Any], buffers: Any = None
    ) -> None:
        super().__init__(file, buffers=buffers)
        self.objects = objects

    def persistent_load(self, pid: Any) -> Any:
        if type(pid) is tuple and pid[0] == _MODULE and pid[1] in sys.modules:
            return sys.modules[pid[1]]
        if type(pid) is tuple and pid[0] == _EXCEPTION:
            return rebuilt_exception(*pid[1:])
        try:
            return self.objects[pid]
        except KeyError:
            raise OmpError(
                "a value handed between threads refers to a shared object this process "
                "does not know; please report this as a bug"
            ) from None
