"""``pymp.shared.list()``: a list every process of a program's teams shares.

Backed by a :class:`~omppy.pymp.storage.SharedLog`; the replica holds each item
pickled, so reads return copies (``lst[0].append(1)`` changes nothing shared, as with
pymp's manager proxy).  Appends, item stores, inserts and pops are short records;
operations that rearrange the whole list (``sort``, slice stores, ``remove`` of a
value...) log the whole list.  Each operation is atomic; a read-modify-write such as
``lst[i] += 1`` is two operations, so it needs a lock, as in pymp.
"""

from __future__ import annotations

import operator
import pickle
import struct
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from .storage import SharedLog

_dumps = pickle.dumps
_loads = pickle.loads
_PROTOCOL = pickle.HIGHEST_PROTOCOL
_INDEX = struct.Struct("<q")

APPEND, EXTEND, SET, DELETE, INSERT, REVERSE, CLEAR, REPLACE = range(8)


class SharedList(SharedLog):
    """A list shared by forked processes (``pymp.shared.list``)."""

    _kind = "list"
    _state: list[bytes]

    def __init__(self, iterable: Iterable[Any] = ()) -> None:
        super().__init__([_dumps(item, _PROTOCOL) for item in iterable])

    def _dump(self, state: list[bytes]) -> bytes:
        return _dumps(state, _PROTOCOL)

    def _load(self, data: bytes) -> list[bytes]:
        state: list[bytes] = _loads(data)
        return state

    def _apply(self, op: int, payload: bytes) -> None:
        state = self._state
        if op == APPEND:
            state.append(payload)
        elif op == SET:
            state[_INDEX.unpack_from(payload)[0]] = payload[_INDEX.size :]
        elif op == DELETE:
            del state[_INDEX.unpack_from(payload)[0]]
        elif op == INSERT:
            state.insert(_INDEX.unpack_from(payload)[0], payload[_INDEX.size :])
        elif op == EXTEND:
            state.extend(_loads(payload))
        elif op == REVERSE:
            state.reverse()
        elif op == CLEAR:
            state.clear()
        else:
            self._state = _loads(payload)

    def _apply_own(self, op: int, item: bytes) -> None:
        self._state.append(item)  # APPEND, the one operation logged blind

    # -- changing it ---------------------------------------------------------------------

    def append(self, item: Any) -> None:
        data = _dumps(item, _PROTOCOL)
        with self._mutex:
            if not self._log_blind(APPEND, data, data):
                self._state.append(data)
                self._append(APPEND, data)

    def extend(self, items: Iterable[Any]) -> None:
        data = [_dumps(item, _PROTOCOL) for item in items]
        with self._mutex:
            self._sync()
            self._state.extend(data)
            self._append(EXTEND, _dumps(data, _PROTOCOL))

    def insert(self, index: int, item: Any) -> None:
        data = _dumps(item, _PROTOCOL)
        index = operator.index(index)
        with self._mutex:
            self._sync()
            state = self._state
            position = max(0, index + len(state)) if index < 0 else min(index, len(state))
            state.insert(position, data)
            self._append(INSERT, _INDEX.pack(position) + data)

    def pop(self, index: int = -1) -> Any:
        index = operator.index(index)
        with self._mutex:
            self._sync()
            state = self._state
            data = state.pop(index)  # IndexError as list.pop
            self._append(DELETE, _INDEX.pack(index if index >= 0 else index + len(state) + 1))
        return _loads(data)

    def remove(self, value: Any) -> None:
        with self._mutex:
            self._sync()
            state = self._state
            for position, data in enumerate(state):
                if _loads(data) == value:
                    del state[position]
                    self._append(DELETE, _INDEX.pack(position))
                    return
        raise ValueError("list.remove(x): x not in list")

    def clear(self) -> None:
        with self._mutex:
            self._sync()
            self._state.clear()
            self._append(CLEAR)

    def reverse(self) -> None:
        with self._mutex:
            self._sync()
            self._state.reverse()
            self._append(REVERSE)

    def sort(self, *, key: Callable[[Any], Any] | None = None, reverse: bool = False) -> None:
        def reorder(state: list[bytes]) -> list[bytes]:
            values = [_loads(data) for data in state]
            rank = values if key is None else [key(value) for value in values]
            order = sorted(range(len(state)), key=rank.__getitem__, reverse=reverse)
            return [state[i] for i in order]

        self._rewrite(reorder)

    def __setitem__(self, index: Any, value: Any) -> None:
        if isinstance(index, slice):
            items = [_dumps(item, _PROTOCOL) for item in value]

            def store(state: list[bytes]) -> list[bytes]:
                state[index] = items  # ValueError for a bad extended slice, as list
                return state

            self._rewrite(store)
            return
        index = operator.index(index)
        data = _dumps(value, _PROTOCOL)
        with self._mutex:
            self._sync()
            state = self._state
            state[index] = data  # IndexError as list
            self._append(SET, _INDEX.pack(index if index >= 0 else index + len(state)) + data)

    def __delitem__(self, index: Any) -> None:
        if isinstance(index, slice):

            def delete(state: list[bytes]) -> list[bytes]:
                del state[index]
                return state

            self._rewrite(delete)
            return
        index = operator.index(index)
        with self._mutex:
            self._sync()
            state = self._state
            del state[index]
            self._append(DELETE, _INDEX.pack(index if index >= 0 else index + len(state) + 1))

    def __iadd__(self, items: Iterable[Any]) -> SharedList:  # type: ignore[misc]
        self.extend(items)
        return self

    def __imul__(self, count: int) -> SharedList:
        count = operator.index(count)
        self._rewrite(lambda state: state * count)
        return self

    def _rewrite(self, change: Callable[[list[bytes]], list[bytes]]) -> None:
        """Apply ``change`` to a copy of the replica; log the whole result."""
        with self._mutex:
            self._sync()
            result = change(list(self._state))
            self._state = result
            self._append(REPLACE, _dumps(result, _PROTOCOL))

    # -- reading it ----------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._current())

    def __getitem__(self, index: Any) -> Any:
        state = self._current()
        if isinstance(index, slice):
            return [_loads(data) for data in state[index]]
        return _loads(state[index])

    def __iter__(self) -> Iterator[Any]:
        """The items as they are now (a snapshot), each a copy."""
        for data in list(self._current()):
            yield _loads(data)

    def __reversed__(self) -> Iterator[Any]:
        for data in reversed(list(self._current())):
            yield _loads(data)

    def __contains__(self, value: Any) -> bool:
        return any(item == value for item in self)

    def count(self, value: Any) -> int:
        return sum(1 for item in self if item == value)

    def index(self, value: Any, start: int = 0, stop: int = 9223372036854775807) -> int:
        return self.copy().index(value, start, stop)

    def copy(self) -> list[Any]:
        """An ordinary list with copies of the items."""
        return [_loads(data) for data in self._current()]

    def __add__(self, other: Any) -> list[Any]:
        return self.copy() + other

    def __radd__(self, other: Any) -> list[Any]:
        return other + self.copy()

    def __mul__(self, count: int) -> list[Any]:
        return self.copy() * count

    __rmul__ = __mul__

    def __eq__(self, other: object) -> bool:
        if isinstance(other, SharedList):
            other = other.copy()
        return self.copy() == other

    def __ne__(self, other: object) -> bool:
        return not self == other

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return repr(self.copy())
