"""``pymp.shared.dict()``: a dict every process of a program's teams shares.

Backed by a :class:`~omppy.pymp.storage.SharedLog`; the replica maps each key to its
value pickled, so reads return copies, as pymp's manager proxy does.  ``keys()``,
``values()`` and ``items()`` return lists (snapshots), as the proxy does.  Each
operation is atomic; ``d[k] += 1`` is two operations, so it needs a lock, as in pymp.
"""

from __future__ import annotations

import pickle
import struct
from collections.abc import Iterator
from typing import Any

from .storage import SharedLog

_dumps = pickle.dumps
_loads = pickle.loads
_PROTOCOL = pickle.HIGHEST_PROTOCOL
_KEY_LENGTH = struct.Struct("<I")
_MISSING: Any = object()
# Keys of these types are kept as given; others as an unpickled copy, as other
# processes see them (a key's later changes must not reach this replica alone).
_PLAIN_KEYS = (int, str, bytes, float, bool, type(None))

SET, DELETE, UPDATE, CLEAR, REPLACE = range(5)


def _own_key(key: Any, data: bytes) -> Any:
    return key if type(key) in _PLAIN_KEYS else _loads(data)


class SharedDict(SharedLog):
    """A dict shared by forked processes (``pymp.shared.dict``)."""

    _kind = "dict"
    _state: dict[Any, bytes]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        initial = dict(*args, **kwargs)
        super().__init__({key: _dumps(value, _PROTOCOL) for key, value in initial.items()})

    def _dump(self, state: dict[Any, bytes]) -> bytes:
        return _dumps(state, _PROTOCOL)

    def _load(self, data: bytes) -> dict[Any, bytes]:
        state: dict[Any, bytes] = _loads(data)
        return state

    def _apply(self, op: int, payload: bytes) -> None:
        state = self._state
        if op == SET:
            (length,) = _KEY_LENGTH.unpack_from(payload)
            end = _KEY_LENGTH.size + length
            state[_loads(payload[_KEY_LENGTH.size : end])] = payload[end:]
        elif op == DELETE:
            state.pop(_loads(payload), None)
        elif op == UPDATE:
            state.update(_loads(payload))
        elif op == CLEAR:
            state.clear()
        else:
            self._state = _loads(payload)

    def _apply_own(self, op: int, item: tuple[Any, bytes]) -> None:
        key, data = item  # SET, the one operation logged blind
        self._state[key] = data

    # -- changing it ---------------------------------------------------------------------

    def __setitem__(self, key: Any, value: Any) -> None:
        key_data = _dumps(key, _PROTOCOL)
        data = _dumps(value, _PROTOCOL)
        own = _own_key(key, key_data)
        hash(own)  # TypeError for an unhashable key, as dict, before anything is logged
        record = _KEY_LENGTH.pack(len(key_data)) + key_data + data
        with self._mutex:
            if not self._log_blind(SET, record, (own, data)):
                self._state[own] = data
                self._append(SET, record)

    def __delitem__(self, key: Any) -> None:
        self._take(key, _MISSING)

    def pop(self, key: Any, default: Any = _MISSING) -> Any:
        return self._take(key, default)

    def _take(self, key: Any, default: Any) -> Any:
        with self._mutex:
            self._sync()
            data = self._state.pop(key, None)
            if data is None:
                if default is _MISSING:
                    raise KeyError(key)
                return default
            self._append(DELETE, _dumps(key, _PROTOCOL))
        return _loads(data)

    def popitem(self) -> tuple[Any, Any]:
        with self._mutex:
            self._sync()
            if not self._state:
                raise KeyError("popitem(): dictionary is empty")
            key, data = self._state.popitem()
            self._append(DELETE, _dumps(key, _PROTOCOL))
        return key, _loads(data)

    def setdefault(self, key: Any, default: Any = None) -> Any:
        key_data = _dumps(key, _PROTOCOL)
        data = _dumps(default, _PROTOCOL)
        own = _own_key(key, key_data)
        with self._mutex:
            self._sync()
            present = self._state.get(key)
            if present is not None:
                return _loads(present)
            self._state[own] = data
            self._append(SET, _KEY_LENGTH.pack(len(key_data)) + key_data + data)
        return _loads(data)

    def update(self, *args: Any, **kwargs: Any) -> None:
        pairs = {
            _own_key(key, _dumps(key, _PROTOCOL)): _dumps(value, _PROTOCOL)
            for key, value in dict(*args, **kwargs).items()
        }
        with self._mutex:
            self._sync()
            self._state.update(pairs)
            self._append(UPDATE, _dumps(pairs, _PROTOCOL))

    def clear(self) -> None:
        with self._mutex:
            self._sync()
            self._state.clear()
            self._append(CLEAR)

    def __ior__(self, other: Any) -> SharedDict:
        self.update(other)
        return self

    # -- reading it ----------------------------------------------------------------------

    def __getitem__(self, key: Any) -> Any:
        return _loads(self._current()[key])

    def get(self, key: Any, default: Any = None) -> Any:
        data = self._current().get(key)
        return default if data is None else _loads(data)

    def __contains__(self, key: object) -> bool:
        return key in self._current()

    def __len__(self) -> int:
        return len(self._current())

    def __iter__(self) -> Iterator[Any]:
        """The keys as they are now (a snapshot)."""
        return iter(list(self._current()))

    def keys(self) -> list[Any]:
        return list(self._current())

    def values(self) -> list[Any]:
        return [_loads(data) for data in list(self._current().values())]

    def items(self) -> list[tuple[Any, Any]]:
        return [(key, _loads(data)) for key, data in list(self._current().items())]

    def copy(self) -> dict[Any, Any]:
        """An ordinary dict with copies of the values."""
        return dict(self.items())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, SharedDict):
            other = other.copy()
        return self.copy() == other

    def __ne__(self, other: object) -> bool:
        return not self == other

    __hash__ = None  # type: ignore[assignment]

    def __or__(self, other: Any) -> dict[Any, Any]:
        return self.copy() | dict(other)

    def __repr__(self) -> str:
        return repr(self.copy())
