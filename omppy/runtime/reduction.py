"""Reduction operators: each thread's starting value (the identity) and the combine.

Identities follow the type of the shared value, so a thread's partial result has the
same type as the sequential one (``0`` for ints, ``0.0`` for floats, ``[]`` for lists,
``zeros_like`` for arrays...).  Where no value of the type is an identity (``&`` on
sets) a neutral sentinel stands in: it disappears the first time it is combined with
a real value.  ``min``/``max`` on anything but floats start from the original value
(they are idempotent).
"""

from __future__ import annotations

import copy
import operator
import sys
from collections.abc import Callable, Mapping
from typing import Any

from . import declared
from .errors import OmpError
from .where import location


class _Neutral:
    """Identity for operators whose identity no ordinary value of the type can be.

    ``NEUTRAL op x`` and ``x op NEUTRAL`` are ``x``.
    """

    __slots__ = ()

    def __repr__(self) -> str:
        return "<omppy neutral element>"

    def _other(self, other: Any) -> Any:
        # A copy: the next in-place update of the private variable must not change
        # the object it came from (an element of a shared list, say).
        return copy.copy(other)

    __and__ = __rand__ = __iand__ = _other
    __or__ = __ror__ = __ior__ = _other
    __xor__ = __rxor__ = __ixor__ = _other
    __add__ = __radd__ = __iadd__ = _other
    __mul__ = __rmul__ = __imul__ = _other
    __rsub__ = _other  # ``x - NEUTRAL`` is ``x``

    def __sub__(self, other: Any) -> Any:
        return _Subtracted(copy.copy(other))

    __isub__ = __sub__

    def __bool__(self) -> bool:
        raise TypeError("a reduction variable was used before any value was combined into it")


class _Subtracted:
    """``NEUTRAL - a - b``: a thread's partial result of ``reduction(-: x)`` for a type
    with no zero (``type(0)`` fails), kept as the sum of what was subtracted."""

    __slots__ = ("total",)

    def __init__(self, total: Any) -> None:
        self.total = total

    def __sub__(self, other: Any) -> _Subtracted:
        return _Subtracted(self.total + other)

    __isub__ = __sub__

    def __add__(self, other: Any) -> _Subtracted:
        if isinstance(other, _Subtracted):  # two partials folded together
            return _Subtracted(self.total + other.total)
        return NotImplemented

    __iadd__ = __add__

    def __reduce__(self) -> tuple[Any, ...]:
        return (_Subtracted, (self.total,))

    def __repr__(self) -> str:
        return f"<omppy: minus {self.total!r}>"


class _Truth(_Neutral):
    """Identity of ``and`` (truthy) or ``or`` (falsy): ``x = x and v`` gives ``v``."""

    __slots__ = ("value",)

    def __init__(self, value: bool) -> None:
        self.value = value

    def __bool__(self) -> bool:
        return self.value


class _Concatenated(list[Any]):
    """A thread's copy of a list under ``reduction(+: s)``: an empty list, which
    ``+`` concatenates to.  A C array reduction ported as it is (``cnt[k] += 1``)
    reaches an item the copy does not have: the ``IndexError`` becomes an error
    that says why and what to write instead.  Anything else is a plain list's."""

    __slots__ = ("op",)

    def __init__(self, op: str) -> None:
        super().__init__()
        self.op = op

    def __getitem__(self, index: Any) -> Any:
        try:
            return super().__getitem__(index)
        except IndexError:
            raise self._item_error(index) from None

    def __setitem__(self, index: Any, value: Any) -> None:
        try:
            super().__setitem__(index, value)
        except IndexError:
            raise self._item_error(index) from None

    def __reduce__(self) -> tuple[Any, ...]:
        return (list, (list(self),))  # a plain list in another process

    def _item_error(self, index: Any) -> Exception:
        frame = sys._getframe(2)
        name = next((k for k, v in frame.f_locals.items() if v is self), "the variable")
        spelled = f"reduction({self.op}:{name})"
        return OmpError(
            f"{location(3)}: an item of '{name}' is updated ({name}[{index!r}]) under "
            f"{spelled}, but '{name}' is a list and '{self.op}' on lists "
            f"concatenates: each thread's copy of '{name}' starts as an empty list, "
            "which has no items (python's answer would be lost). For a reduction "
            f"item by item, make '{name}' a numpy array ({name} = numpy.zeros(n, "
            f"dtype=int)): {spelled} then adds the threads' arrays element-wise; or "
            f"leave '{name}' out of the reduction and update it under "
            "'# omp atomic' or '# omp critical'"
        )


NEUTRAL = _Neutral()
AND_IDENTITY = _Truth(True)
OR_IDENTITY = _Truth(False)


def _numpy() -> Any:
    return sys.modules.get("numpy")


def _is_array(value: Any) -> bool:
    np = _numpy()
    return np is not None and isinstance(value, np.ndarray)


def identity(op: Any, value: Any) -> Any:
    """The value a thread's private copy starts from for ``reduction(op: ...)``."""
    if op not in COMBINE:  # declared by the program, or a function (declared.py)
        return declared.resolve(op, value).identity(value)
    if _is_array(value):
        return _array_identity(op, value)
    kind = type(value)
    if isinstance(value, Mapping) and op in ("+", "|"):
        return _empty(kind)  # a Counter adds, a dict merges with |
    if isinstance(value, Mapping) and op == "-":
        # Not an empty Counter: ``Counter() - x`` drops what goes below zero.  The
        # placeholder gathers what is subtracted, and the combine subtracts it.
        return NEUTRAL
    if op in ("+", "-"):
        if kind is list or kind is _Concatenated:  # (the latter: a nested reduction's)
            return _Concatenated(op)
        if isinstance(value, (list, tuple, str, bytes, bytearray)):
            return kind()
        return _numeric(kind, 0)
    if op == "*":
        return _numeric(kind, 1)
    if op == "and":
        return True if isinstance(value, bool) else AND_IDENTITY
    if op == "or":
        return False if isinstance(value, bool) else OR_IDENTITY
    if op in ("|", "^"):
        if isinstance(value, (set, frozenset)):
            return kind()
        if isinstance(value, bool):
            return False
        return _numeric(kind, 0)
    if op == "&":
        if isinstance(value, bool):
            return True
        if isinstance(value, int):
            return -1  # all bits set
        return NEUTRAL
    if op in ("max", "min"):
        if isinstance(value, float):
            return _float_extreme(value, -1 if op == "max" else +1)
        # ``max`` and ``min`` are idempotent: a copy that starts at the original value
        # combines into the same result, and the program's own comparisons see only
        # its own values (a ``total_ordering`` class reads ``other.parts`` of whatever
        # it is compared with).  ``None`` ("no value yet", as in ``best = None``)
        # starts each copy at ``None`` as python does: ``best is None`` chooses the
        # first value, and the combine leaves the ``None`` partials out.
        return value
    raise ValueError(f"unknown reduction operator {op!r}")


def _empty(kind: type) -> Any:
    try:
        return kind()
    except Exception:
        return NEUTRAL


def _numeric(kind: type, number: int) -> Any:
    try:
        return kind(number)
    except Exception:
        return NEUTRAL


def _float_extreme(value: float, sign: int) -> float:
    return sign * float("inf")


def _array_identity(op: str, value: Any) -> Any:
    np = _numpy()
    if op in ("+", "-", "|", "^"):
        if type(value) is np.ndarray and value.flags.c_contiguous:
            # Zero pages from the system, touched first by the loop: ``zeros_like``
            # writes every byte before the loop does (200 MB: a pass and its faults).
            return np.zeros(value.shape, value.dtype)
        return np.zeros_like(value)
    if op == "*":
        return np.ones_like(value)
    if op == "&":
        return np.invert(np.zeros_like(value))  # every bit set, for any integer width
    if op in ("and", "or"):
        return np.full_like(value, op == "and", dtype=bool)
    if op in ("max", "min"):
        info = np.finfo if np.issubdtype(value.dtype, np.floating) else np.iinfo
        if value.dtype == bool:
            return np.full_like(value, op == "min")
        if info is np.finfo:
            return np.full_like(value, -np.inf if op == "max" else np.inf)
        limits = info(value.dtype)
        return np.full_like(value, limits.min if op == "max" else limits.max)
    raise ValueError(f"unknown reduction operator {op!r}")


def _max(a: Any, b: Any) -> Any:
    if _is_array(a) or _is_array(b):
        return _numpy().maximum(a, b)
    return b if b > a else a


def _min(a: Any, b: Any) -> Any:
    if _is_array(a) or _is_array(b):
        return _numpy().minimum(a, b)
    return b if b < a else a


def _and(a: Any, b: Any) -> Any:
    if _is_array(a) or _is_array(b):
        return _numpy().logical_and(a, b)
    return a and b


def _or(a: Any, b: Any) -> Any:
    if _is_array(a) or _is_array(b):
        return _numpy().logical_or(a, b)
    return a or b


# A thread's partial for ``-`` is the sum of what it subtracted (it started from 0),
# so partials are *added* to the shared value, as in OpenMP.  The in-place forms
# keep the identity of a mutable shared value (a list, an array), as ``s += x`` would.
COMBINE: dict[str, Callable[[Any, Any], Any]] = {
    "+": operator.iadd,
    "-": operator.iadd,
    "*": operator.imul,
    "&": operator.iand,
    "|": operator.ior,
    "^": operator.ixor,
    "and": _and,
    "or": _or,
    "max": _max,
    "min": _min,
}


def zero_identity(op: Any, value: Any) -> bool:
    """Whether an array's identity for ``op`` is all zero bytes (what fresh shared
    memory holds already): ``+``, ``-``, ``|``, ``^`` of a numeric array."""
    return op in ("+", "-", "|", "^") and _is_array(value) and value.dtype.kind in "biufc"


# Types whose reductions give python's answer whatever order the partial results are
# combined in: bools exactly; ints exactly but under ``and``/``or`` (``x and v`` keeps
# the first falsy value, or the last one); floats and complex numbers under ``+``,
# ``-``, ``*`` up to reassociation (which OpenMP allows); numeric numpy arrays and
# scalars element-wise.  Every other reduction (lists, strings, dicts, Counters, sets,
# user objects, declared operators, floats under ``min``/``max``) is combined in the
# sequential order of the iterations that produced it (:class:`Pieces`).
_REASSOCIATED = (float, complex)


def order_free(op: Any, value: Any) -> bool:
    """Whether ``reduction(op: x)`` with ``x`` = ``value`` may combine its partial
    results in any order (the fast path: one partial per thread)."""
    if op not in COMBINE:
        return False
    kind = type(value)
    if kind is bool:
        return True
    if kind is int:
        return op not in ("and", "or")
    if kind in _REASSOCIATED:
        return op in ("+", "-", "*")
    np = _numpy()
    if np is not None and isinstance(value, (np.ndarray, np.generic)):
        return value.dtype.kind in "biufc"
    return False


class Pieces(list):
    """A thread's partial results of an order-dependent reduction, one per chunk of
    iterations (section, ...) it ran: ``(first iteration, partial)``, in the order it
    ran them.  :func:`combine` folds the pieces of every thread by first iteration:
    python's order, under any schedule."""

    __slots__ = ()


def in_order(partials: list[Any]) -> list[Any]:
    """The partial results to fold, in order: the threads' :class:`Pieces` merged by
    the first iteration of each, or the partials as given (thread order)."""
    if not any(type(p) is Pieces for p in partials):
        return partials
    pieces = [piece for p in partials for piece in p]
    pieces.sort(key=_first)
    return [value for _, value in pieces]


def _first(piece: tuple[int, Any]) -> int:
    return piece[0]


# The operators whose fold of two arrays writes the first in place.
_IN_PLACE = frozenset(("+", "-", "*", "&", "|", "^"))
BLOCKED_BYTES = 1 << 24  # an array from this size on is combined a block at a time
BLOCK_BYTES = 1 << 18  # a block: 256 KiB, held in a core's cache for every partial


def _blocked(fold: Callable[[Any, Any], Any], result: Any, partials: list[Any]) -> bool:
    """Fold ``partials`` into the array ``result`` a block at a time, every partial
    into a block before the next block; False (nothing done) unless the result and
    every partial are plain C-contiguous arrays of one shape sharing no memory.

    Each element gets the same operations in the same order as one whole-array fold
    per partial (``acc += p0; acc += p1``), so the same bits; but the result's block
    is read and written once from memory rather than once per partial: for a 200 MB
    array and two partials, one pass over it fewer."""
    np = sys.modules.get("numpy")
    if (
        np is None
        or type(result) is not np.ndarray
        or result.nbytes < BLOCKED_BYTES
        or result.ndim == 0
        or not result.flags.c_contiguous
        or not result.flags.writeable
    ):
        return False
    for partial in partials:
        if (
            type(partial) is not np.ndarray
            or partial.shape != result.shape
            or not partial.flags.c_contiguous
            or np.may_share_memory(partial, result)
        ):
            return False
    flat = result.reshape(-1)
    pieces = [partial.reshape(-1) for partial in partials]
    step = max(1, BLOCK_BYTES // result.itemsize)
    for start in range(0, flat.size, step):
        block = flat[start : start + step]
        for piece in pieces:
            fold(block, piece[start : start + step])
    return True


def combine(op: Any, original: Any, partials: list[Any]) -> Any:
    """Fold the partial results into the shared value: in the order of their
    iterations when they are :class:`Pieces`, else in thread order."""
    partials = in_order(partials)
    if op not in COMBINE:
        return declared.resolve(op, original).combine(original, partials)
    fold = COMBINE[op]
    if op in _IN_PLACE and _blocked(fold, original, partials):
        return original
    # ``best = None`` before a max/min loop means "no value yet", as Python code writes
    # it: the threads' partials alone decide, and None stays if there were none.
    none_start = op in ("min", "max") and original is None
    result = NEUTRAL if none_start else original
    for partial in partials:
        if isinstance(partial, _Neutral) or (none_start and partial is None):
            continue
        if isinstance(result, _Neutral):
            result = partial
        elif isinstance(partial, _Subtracted) and not isinstance(result, _Subtracted):
            result = result - partial.total
        else:
            result = fold(result, partial)
    if none_start and isinstance(result, _Neutral):
        return None
    return result
