"""How omppy sees an object: which objects it never looks into, what each holds,
and the protocol of a :class:`Shadow` (the team-agreed state of one object).

Shared by ``shadow.py`` (the shadows of containers), ``opaque.py`` (objects omppy
cannot look into) and ``replica.py`` (the walk over what a team shares).
"""

from __future__ import annotations

import io
import sys
import types
from collections import deque
from collections.abc import Iterator
from typing import Any

MISSING = object()

# Types never watched: code, modules, classes, I/O and synchronisation handles.  A
# method called on a handle acts outside the process; there is no state to carry.
_OPAQUE_TYPES: tuple[type, ...] = (
    type,
    types.ModuleType,
    types.FunctionType,
    types.BuiltinFunctionType,
    types.MethodType,
    types.CodeType,
    types.FrameType,
    types.GeneratorType,
    types.CoroutineType,
    types.AsyncGeneratorType,
    types.TracebackType,
    types.MappingProxyType,
    types.MethodWrapperType,  # ``a.__setitem__`` kept as a callback: code, not data
    types.WrapperDescriptorType,
    types.MethodDescriptorType,
    types.SimpleNamespace,  # watched as an object below; listed here for clarity only
    property,
    classmethod,
    staticmethod,
)
_OPAQUE_TYPES = tuple(t for t in _OPAQUE_TYPES if t is not types.SimpleNamespace)
_HANDLE_MODULES = frozenset(
    {
        "_io",
        "io",
        "socket",
        "_socket",
        "ssl",
        "threading",
        "_thread",
        "logging",
        "multiprocessing",
        "subprocess",
        "selectors",
        "select",
        "mmap",
        "ctypes",
        "_ctypes",
        "sqlite3",
        "_csv",  # a csv reader or writer: a handle on its file
        "_struct",  # a compiled struct format: never changes
        "weakref",
        "_weakref",
        "_weakrefset",
        "omppy",
    }
)
# Handles defined in modules that also define data: tempfile's wrapper of an open
# file (its ``__getattr__`` caches the file's methods in it: nothing to carry; the
# file's buffer is runtime/files.py's).
_HANDLE_CLASSES = frozenset({("tempfile", "_TemporaryFileWrapper")})
IMMUTABLE = (str, bytes, int, float, complex, bool, range, type(None), slice)


def numpy_module() -> Any:
    return sys.modules.get("numpy")


def is_array(value: Any) -> bool:
    np = numpy_module()
    return np is not None and isinstance(value, np.ndarray)


# In-memory files are data, not handles: a report written into a StringIO in
# ``ordered`` is compared (by its pickle, whatever its size) and carried.
# ``queue.Queue`` (pure Python) is watched as an object: its items are a deque;
# ``queue.SimpleQueue`` (C, unpicklable) is compared by its size (opaque.py).
IN_MEMORY_FILES = (io.StringIO, io.BytesIO)


def is_opaque(value: Any) -> bool:
    """Whether ``value`` is never watched (code, modules, classes, handles)."""
    kind = type(value)
    known = _OPAQUE_KINDS.get(kind)
    if known is None:
        module = getattr(kind, "__module__", None) or ""
        known = (
            issubclass(kind, _OPAQUE_TYPES)
            or (
                module.partition(".")[0] in _HANDLE_MODULES
                and not issubclass(kind, IN_MEMORY_FILES)
                and not is_database(value)
            )
            or (module, kind.__name__) in _HANDLE_CLASSES
        )
        if len(_OPAQUE_KINDS) < 4096:
            _OPAQUE_KINDS[kind] = known
    return known


def is_database(value: Any) -> bool:
    kind = type(value)
    return kind.__module__ == "sqlite3" and kind.__name__ == "Connection"


_OPAQUE_KINDS: dict[type, bool] = {}  # per type: is_opaque's answer (types seldom change)


def children(value: Any) -> Iterator[tuple[Any, Any]]:
    """``(step, child)`` for the objects ``value`` holds: items, values, attributes.

    Steps name the place (an index, a key, ``Attr``-like ``("attr", name)``), for
    labels in messages and for naming new objects the same way in every process.
    """
    kind = type(value)
    if kind is list or kind is tuple or isinstance(value, (list, tuple, deque)):
        yield from enumerate(value)
    elif isinstance(value, dict):
        yield from value.items()
    elif isinstance(value, (set, frozenset)):
        for element in value:
            yield None, element  # iteration order differs between processes: no name
    elif is_array(value):
        if value.dtype.hasobject:  # the objects it holds, by flat index (C order)
            yield from enumerate(value.flat)
        return
    elif isinstance(value, (bytes, bytearray, str)) or is_opaque(value):
        return
    else:
        state = getattr(value, "__dict__", None)
        if isinstance(state, dict):
            for name, item in state.items():
                yield ("attr", name), item
        for slot in slot_names(type(value)):
            item = getattr(value, slot, MISSING)
            if item is not MISSING:
                yield ("attr", slot), item


def slot_names(kind: type) -> tuple[str, ...]:
    cached = _SLOTS.get(kind)
    if cached is not None:
        return cached
    names: list[str] = []
    for cls in kind.__mro__:
        slots = cls.__dict__.get("__slots__", ())
        for slot in (slots,) if isinstance(slots, str) else slots:
            if slot not in ("__dict__", "__weakref__") and slot not in names:
                names.append(slot)
    _SLOTS[kind] = result = tuple(names)
    return result


_SLOTS: dict[type, tuple[str, ...]] = {}


class Shadow:
    """The agreed state of one container; subclasses know one kind of container."""

    __slots__ = ()

    def diff(self, live: Any) -> tuple[Any, ...] | None:
        """What ``live`` changed since the agreed state; None when nothing."""
        raise NotImplementedError

    def apply(self, live: Any, change: tuple[Any, ...]) -> None:
        """Apply another thread's ``change`` to ``live`` and to the agreed state."""
        raise NotImplementedError

    def retake(self, live: Any) -> None:
        """Make the agreed state ``live``'s current state (after this thread's own
        change was handed to the team)."""
        raise NotImplementedError


class CannotCarry(Exception):
    """A thread changed an object whose changes omppy cannot carry (OpaqueShadow)."""


# Methods Python runs on a *read* (``table[k]``, ``k in table``, ``obj.missing``,
# ``len(t)``, ``for x in t``): the translator sees a read, but a class of the program
# may keep a cache there (a lazy table filling ``self.cache`` in ``__getitem__``).
READ_HOOKS = ("__getitem__", "__contains__", "__getattr__", "__len__", "__iter__", "__missing__")
_STORES = frozenset({"STORE_ATTR", "STORE_SUBSCR", "DELETE_SUBSCR", "DELETE_ATTR"})
_MUTATORS = frozenset(
    {"append", "extend", "insert", "setdefault", "update", "add", "pop", "popitem",
     "clear", "remove", "discard", "appendleft", "move_to_end", "sort", "__setitem__"}
)
_CACHING: dict[type, bool] = {}


def caches_on_read(kind: type) -> bool:
    """Whether a class of the program runs code that changes state on a read: it has
    a ``functools.cached_property``, or a property's getter or one of its
    ``READ_HOOKS`` (or a method of the
    class it calls by name) stores into an attribute or item, or calls a container's
    mutating method."""
    known = _CACHING.get(kind)
    if known is not None:
        return known
    import dis
    import functools

    methods: dict[str, types.FunctionType] = {}
    getters: list[types.FunctionType] = []  # a property's getter runs on a read too
    for cls in reversed(kind.__mro__):
        if cls.__module__ == "builtins":
            continue
        for name, value in vars(cls).items():
            if isinstance(value, functools.cached_property):
                _CACHING[kind] = True  # its first read stores into the instance
                return True
            if isinstance(value, property) and isinstance(value.fget, types.FunctionType):
                getters.append(value.fget)  # ``self._area = ...`` on the first read
                continue
            if isinstance(value, (staticmethod, classmethod)):
                value = value.__func__
            if isinstance(value, types.FunctionType):
                methods[name] = value
    pending = [methods[name] for name in READ_HOOKS if name in methods] + getters
    seen: set[int] = set()
    found = False
    while pending and not found and len(seen) < 32:
        function = pending.pop()
        if id(function) in seen:
            continue
        seen.add(id(function))
        codes = [function.__code__]
        while codes and not found:
            code = codes.pop()
            codes.extend(c for c in code.co_consts if isinstance(c, types.CodeType))
            names = set(code.co_names)
            found = bool(names & _MUTATORS) or any(
                op.opname in _STORES for op in dis.get_instructions(code)
            )
            pending.extend(methods[n] for n in names if n in methods)
    if len(_CACHING) < 4096:
        _CACHING[kind] = found
    return found


# Methods Python runs on a store into an object (``log[i] = v``, ``del t[k]``,
# ``obj.x = v``, ``acc += part``): when a class defines one in Python (its own, or a
# library's such as ``collections.UserList``), the store changes what that method
# changes, below the object (``self.data[i] = v``).
STORE_HOOKS = ("__setitem__", "__delitem__", "__setattr__", "__iadd__", "__ior__", "__isub__")
_HOOKED: dict[type, bool] = {}


def stores_through_hooks(kind: type) -> bool:
    """Whether a store into an object of ``kind`` runs Python code of its class."""
    known = _HOOKED.get(kind)
    if known is None:
        known = any(
            isinstance(getattr(kind, name, None), types.FunctionType) for name in STORE_HOOKS
        )
        if len(_HOOKED) < 4096:
            _HOOKED[kind] = known
    return known


def holds_caching_objects(value: Any, own_module: str | None = None) -> bool:
    """Whether a list, dict or deque seems to hold objects that change on a read
    (``caches_on_read``), or, with ``own_module``, objects of another module's class
    with a method named as a container's (``misread_methods``): a few of its items
    are looked at (the first, the middle and the last; a dict's first and last
    values), as containers of the program's objects seldom mix classes."""
    if not isinstance(value, (list, dict, deque)) or not value:
        return False
    looked: tuple[Any, ...]
    if isinstance(value, dict):  # no copy of a big dict's values: its ends only
        looked = (next(iter(value.values())), next(reversed(value.values())))
    else:
        n = len(value)
        looked = (value[0], value[n // 2], value[n - 1])
    for item in looked:
        kind = type(item)
        if kind.__module__ != "builtins" and not is_opaque(item):
            if caches_on_read(kind):
                return True
            if own_module is not None and misread_methods(kind, own_module):
                return True
    return False


# The method names the translator takes for a container's own whatever the receiver
# (transform/known_calls.py: CONTAINER_METHODS and READING_METHODS, but the special
# methods other than the store hooks; tests/test_unseen_writes.py checks the two
# agree).  A class of another module than the region's that defines one in Python
# (``store.put(k, v)`` with a ``put`` of its own, ``queue.Queue.put``) runs code the
# translator did not look at where it saw a container's method.
CONTAINER_LIKE_METHODS = frozenset(
    {
        "add", "all", "any", "append", "appendleft", "argmax", "argmin", "argsort", "astype",
        "bit_length", "capitalize", "clear", "conjugate", "copy", "count", "cumprod", "cumsum",
        "decode", "difference", "difference_update", "discard", "dot", "elements", "encode",
        "endswith", "extend", "extendleft", "fill", "find", "format", "format_map", "fromkeys",
        "get", "hex", "index", "insert", "intersection", "intersection_update", "isalnum",
        "isalpha", "isdigit", "isdisjoint", "islower", "isspace", "issubset", "issuperset",
        "isupper", "item", "items", "itemset", "join", "keys", "lower", "lstrip", "max",
        "mean", "min", "most_common", "move_to_end", "nonzero", "partition", "pop", "popitem",
        "popleft", "prod", "put", "read_only", "remove", "replace", "resize", "reverse",
        "rfind", "rotate", "round", "rsplit", "rstrip", "searchsorted", "setdefault",
        "setflags", "sort", "split", "splitlines", "startswith", "std", "strip", "subtract",
        "sum", "symmetric_difference", "symmetric_difference_update", "title", "tobytes",
        "tolist", "total", "union", "update", "upper", "values", "var", "__delitem__",
        "__iadd__", "__setitem__",
    }
)
_MISREAD: dict[tuple[type, str], bool] = {}


def misread_methods(kind: type, own_module: str) -> bool:
    """Whether ``kind``, or a base of it, defined in another module than
    ``own_module`` (the region's, whose methods the translator read), has a method
    in Python named as a container's (``CONTAINER_LIKE_METHODS``)."""
    key = (kind, own_module)
    known = _MISREAD.get(key)
    if known is None:
        known = False
        for cls in kind.__mro__:
            if cls.__module__ in ("builtins", own_module):
                continue
            if any(
                isinstance(value, (types.FunctionType, staticmethod, classmethod))
                and name in CONTAINER_LIKE_METHODS
                for name, value in vars(cls).items()
            ):
                known = True
                break
        if len(_MISREAD) < 4096:
            _MISREAD[key] = known
    return known


ATTRIBUTE_LEVELS = 3  # how many attributes down an object's dicts are ordered


def attribute_dicts(value: Any, levels: int) -> Iterator[Any]:
    """The dicts held by ``value``'s attributes, and by the attributes of the objects
    of the program's classes it holds, ``levels`` attributes down."""
    attributes = getattr(value, "__dict__", None)
    if type(attributes) is not dict or levels <= 0:
        return
    for held in list(attributes.values()):
        if isinstance(held, dict):  # (a Counter, a defaultdict too)
            yield held
        elif type(held).__module__ != "builtins" and not isinstance(held, type):
            yield from attribute_dicts(held, levels - 1)
