"""``pymp.shared.queue()``: a FIFO queue every process of a program's teams shares.

The interface of ``queue.Queue`` (what pymp's manager proxy offers): ``put``/``get``
with ``block`` and ``timeout``, ``*_nowait``, ``qsize``, ``empty``, ``full``,
``task_done`` and ``join``; ``queue.Full`` and ``queue.Empty`` as there.  Backed by
a :class:`~omppy.pymp.storage.SharedLog`.  A blocked ``get`` or ``put`` polls and
gives up with an error if a thread of its team fails or dies (``waiting.py``), so a
consumer never waits forever for a producer that is gone.
"""

from __future__ import annotations

import collections
import pickle
import queue as _queue
import time
from typing import Any

from .storage import SharedLog
from .waiting import wait_until

_dumps = pickle.dumps
_loads = pickle.loads
_PROTOCOL = pickle.HIGHEST_PROTOCOL

PUT, GET, TASK_DONE, CLEAR, REPLACE = range(5)


class QueueState:
    """A replica: the items (pickled) and the count of unfinished tasks."""

    __slots__ = ("items", "unfinished")

    def __init__(self, items: list[bytes] | None = None, unfinished: int = 0) -> None:
        self.items: collections.deque[bytes] = collections.deque(items or ())
        self.unfinished = unfinished


class SharedQueue(SharedLog):
    """A queue shared by forked processes (``pymp.shared.queue``)."""

    _kind = "queue"
    _state: QueueState

    def __init__(self, maxsize: int = 0) -> None:
        self.maxsize = maxsize
        super().__init__(QueueState())

    def _dump(self, state: QueueState) -> bytes:
        return _dumps((list(state.items), state.unfinished), _PROTOCOL)

    def _load(self, data: bytes) -> QueueState:
        return QueueState(*_loads(data))

    def _apply(self, op: int, payload: bytes) -> None:
        state = self._state
        if op == PUT:
            state.items.append(payload)
            state.unfinished += 1
        elif op == GET:
            state.items.popleft()
        elif op == TASK_DONE:
            state.unfinished -= 1
        elif op == CLEAR:
            state.items.clear()
            state.unfinished = 0
        else:
            self._state = self._load(payload)

    # -- put -------------------------------------------------------------------------

    def put(self, item: Any, block: bool = True, timeout: float | None = None) -> None:
        self._put_data(_dumps(item, _PROTOCOL), block, timeout)

    def put_nowait(self, item: Any) -> None:
        self.put(item, block=False)

    def _put_data(self, data: bytes, block: bool = True, timeout: float | None = None) -> None:
        deadline = None if timeout is None else time.monotonic() + timeout
        while True:
            with self._mutex:
                self._sync()
                state = self._state
                if self.maxsize <= 0 or len(state.items) < self.maxsize:
                    state.items.append(data)
                    state.unfinished += 1
                    self._append(PUT, data)
                    return
                seen = (self._generation, self._position)
            if not block or not self._wait(seen, deadline):
                raise _queue.Full

    # -- get -------------------------------------------------------------------------

    def get(self, block: bool = True, timeout: float | None = None) -> Any:
        deadline = None if timeout is None else time.monotonic() + timeout
        while True:
            with self._mutex:
                self._sync()
                items = self._state.items
                if items:
                    data = items.popleft()
                    self._append(GET)
                    return _loads(data)
                seen = (self._generation, self._position)
            if not block or not self._wait(seen, deadline):
                raise _queue.Empty

    def get_nowait(self) -> Any:
        return self.get(block=False)

    def _wait(self, seen: tuple[int, int], deadline: float | None) -> bool:
        """Wait for any change to the queue; False once ``deadline`` has passed."""
        timeout = None if deadline is None else deadline - time.monotonic()
        return wait_until(lambda: self._changed_since(seen), timeout)

    # -- tasks and size ----------------------------------------------------------------

    def task_done(self) -> None:
        with self._mutex:
            self._sync()
            if self._state.unfinished <= 0:
                raise ValueError("task_done() called too many times")
            self._state.unfinished -= 1
            self._append(TASK_DONE)

    def join(self) -> None:
        """Wait until every item put has been marked done with ``task_done``."""
        while True:
            with self._mutex:
                self._sync()
                if self._state.unfinished <= 0:
                    return
                seen = (self._generation, self._position)
            self._wait(seen, None)

    def clear(self) -> None:
        with self._mutex:
            self._sync()
            self._state.items.clear()
            self._state.unfinished = 0
            self._append(CLEAR)

    def qsize(self) -> int:
        return len(self._current().items)

    def empty(self) -> bool:
        return not self._current().items

    def full(self) -> bool:
        return 0 < self.maxsize <= len(self._current().items)

    def __repr__(self) -> str:
        return f"<pymp shared queue: {self.qsize()} items>"
