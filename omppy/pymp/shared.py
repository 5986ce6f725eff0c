"""``pymp.shared``: objects every process of a program's pymp teams shares.

``array`` is a numpy array in shared memory (``runtime/sharedmem.py``); ``list``,
``dict`` and ``queue`` are shared operation logs (``storage.py``) rather than proxies
to a manager process, so they work without a ``__main__`` guard, under a debugger,
in nested teams and inside ``# omp`` regions; ``lock`` and ``rlock`` are released by
the kernel if their holder dies (``locks.py``).  Like pymp's, each is shared with the
processes forked after it was made: make them before the region that uses them.
"""

from __future__ import annotations

import builtins
import importlib.util
import mmap
import struct
from typing import Any

from ..runtime.sharedmem import allocate
from .dicts import SharedDict
from .lists import SharedList
from .locks import Lock, RLock
from .queues import SharedQueue

_NP_AVAILABLE = importlib.util.find_spec("numpy") is not None
_WORD = struct.Struct("<q")


def array(shape: Any, dtype: Any = None, autolock: bool = False) -> Any:
    """A zero-filled numpy array in shared memory (``dtype`` float64 by default).

    ``autolock`` is accepted for pymp's signature and ignored: pymp's lock never
    guarded numpy's element access either; use a lock around updates.
    """
    if not _NP_AVAILABLE:
        raise AssertionError("To use the shared array object, numpy must be available!")
    import numpy

    return allocate(shape, numpy.float64 if dtype is None else dtype)


def list(*args: Any, **kwargs: Any) -> SharedList:  # pymp's name
    """A shared list (``pymp.shared.list([1, 2])``)."""
    return SharedList(*args, **kwargs)


def dict(*args: Any, **kwargs: Any) -> SharedDict:  # pymp's name
    """A shared dict (``pymp.shared.dict(a=1)``)."""
    return SharedDict(*args, **kwargs)


def queue(maxsize: int = 0) -> SharedQueue:
    """A shared FIFO queue; ``maxsize > 0`` bounds it."""
    return SharedQueue(maxsize)


def lock() -> Lock:
    """A lock shared by the processes forked after it was made."""
    return Lock()


def rlock() -> RLock:
    """A re-entrant lock shared by the processes forked after it was made."""
    return RLock()


class _SharedInt:
    """An integer in shared memory: ``.value``, like ``multiprocessing.Value``."""

    def __init__(self, value: int) -> None:
        self._memory = mmap.mmap(-1, _WORD.size, flags=mmap.MAP_SHARED)
        self.value = value

    @property
    def value(self) -> int:
        return int(_WORD.unpack_from(self._memory, 0)[0])

    @value.setter
    def value(self, number: int) -> None:
        _WORD.pack_into(self._memory, 0, number)


#: Processes alive in all pymp regions of the program together (pymp's name).
_NUM_PROCS = _SharedInt(1)
#: Guards ``_NUM_PROCS`` (pymp's name).
_LOCK = Lock()

__all__ = ["array", "dict", "list", "lock", "queue", "rlock"]
_ = builtins  # the built-in list and dict, shadowed above, are builtins.list/dict
