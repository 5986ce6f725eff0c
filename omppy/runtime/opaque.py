"""Objects omppy cannot look into: compared whole, carried where they take a state.

A C type's state (``random.Random``'s generator, ``array.array``, ``itertools.count``)
is not in a ``__dict__``: such an object is compared by its pickle
(:class:`OpaqueShadow`), and a change is carried when the type can be given a state
(``__setstate__``), otherwise refused.  A hash object (``hashlib.sha256()``) cannot
be pickled: it is compared by the digest of a copy (:class:`DigestShadow`), and a
change to it is refused.  Values of C types that cannot change are never watched.
"""

from __future__ import annotations

import datetime
import decimal
import pickle
import re
import sys
import warnings
from typing import Any

from .objects import CannotCarry, Shadow, numpy_module

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
        except Exception:
            raise CannotCarry(change[1]) from None
        if pickled(live) != data:  # the state did not take: refuse rather than lose it
            raise CannotCarry(change[1])
        self.data = data


def _give_state(live: Any, fresh: Any) -> None:
    """Make ``live`` hold ``fresh``'s state.  A numpy ``Generator`` keeps it in its
    bit generator (its own ``__getstate__`` gives nothing)."""
    source = getattr(fresh, "bit_generator", None)
    target = getattr(live, "bit_generator", None)
    if source is not None and target is not None and hasattr(target, "state"):
        target.state = source.state
        return
    live.__setstate__(fresh.__getstate__())


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
