"""Each thread's random streams, as the fork backend gives them to its processes.

A forked worker reseeds ``random`` and ``numpy.random`` from its master's state, the
region's number and its thread number (``worker.py``).  Threads share those modules'
generators, so from the first team on, the modules' functions (``random.random``,
``np.random.rand``...) are dispatchers: a thread of a running team draws from its own
generator, seeded the same way from the same state, so a seeded program draws the
same numbers on either backend; thread 0, and any thread outside a team, draws from
the generator it drew from before (the module's own, for the program's main thread).

Nothing is paid for a region that draws nothing: the master's state is read when a
thread of the team first draws (thread 0 reads it before its own first draw, so it is
still the state the region began with), and a worker's generator is made at its
first draw.  A dispatcher costs a Python call over the plain method.

Functions bound before the first region (``from random import random``) draw from the
shared generator: still correct, but which thread gets which number then varies.

Inside a synchronisation block (``single``, ``master``, ``critical``, ``atomic``,
``ordered``) every thread draws from the program's one generator (thread 0's), as
under python and as the fork backend does (``omppy/runtime/streams.py``): a seeded
program that draws only in such blocks gets python's numbers.
"""

from __future__ import annotations

import _thread
import random
import sys
import threading
import zlib
from collections.abc import Callable
from typing import Any

from .. import state

_local = threading.local()  # .streams: the calling thread's ThreadStreams, if any
_guard = _thread.allocate_lock()
# TeamSeeds.take's, for every team: a nested team's first draw reads its master's
# streams, which may take the enclosing team's seeds (so: re-entrant)
_seeds_guard = _thread.RLock()
_patched: set[str] = set()  # the modules whose functions are dispatchers

NUMPY_ALIASES = {"ranf": "random_sample", "sample": "random_sample", "seed": "seed"}
MASK = 0xFFFFFFFFFFFFFFFF


class TeamSeeds:
    """The seeds of a team's threads, read from its master's generators once, at the
    first draw of any thread of the team (as ``forked.seeds_for_team`` reads them)."""

    value: tuple[int, int | None, int] | None = None  # read at the first draw

    def __init__(self, serial: int, master: ThreadStreams | None) -> None:
        self.serial = serial
        self.master = master  # thread 0's streams before the region (None: the modules')

    def take(self) -> tuple[int, int | None, int]:
        value = self.value
        if value is None:
            with _seeds_guard:
                if self.value is None:
                    self.value = self._read()
                value = self.value
        return value

    def master_random(self) -> random.Random:
        return self.master.random() if self.master is not None else random._inst

    def master_numpy(self) -> Any:
        if self.master is not None:
            return self.master.numpy()
        return sys.modules["numpy.random.mtrand"]._rand

    def _read(self) -> tuple[int, int | None, int]:
        base = hash((self.master_random().getstate()[1], self.serial)) & MASK
        numpy_base = None
        if "numpy.random.mtrand" in sys.modules:
            try:
                numpy_base = zlib.crc32(self.master_numpy().get_state()[1].tobytes())
            except Exception:
                numpy_base = None
        return base, numpy_base, self.serial


class ThreadStreams:
    """The generators of thread ``num`` of the team whose seeds are ``seeds`` (a
    thread team's contexts are ThreadStreams too: one object less per thread and
    region, issue 22)."""

    seeds: TeamSeeds
    num: int
    _random: random.Random | None = None  # made at the first draw
    _numpy: Any = None

    def __init__(self, seeds: TeamSeeds, num: int) -> None:
        self.seeds = seeds
        self.num = num

    def random(self) -> random.Random:
        if self.num and _in_block():
            return self.seeds.master_random()
        if self._random is None:
            base = self.seeds.take()[0]  # thread 0 too: before its first draw
            if self.num == 0:
                self._random = self.seeds.master_random()
            else:
                self._random = random.Random((base ^ self.num * 0x9E3779B97F4A7C15) & MASK)
        return self._random

    def numpy(self) -> Any:
        if self.num and _in_block():
            return self.seeds.master_numpy()
        if self._numpy is None:
            _, numpy_base, serial = self.seeds.take()
            if self.num == 0:
                self._numpy = self.seeds.master_numpy()
            elif numpy_base is None:
                self._numpy = sys.modules["numpy.random"].RandomState()
            else:
                state = [numpy_base, serial & 0xFFFFFFFF, self.num]
                self._numpy = sys.modules["numpy.random"].RandomState(state)
        return self._numpy


def _in_block() -> bool:
    """Whether the calling thread runs a synchronisation block (not only a task)."""
    inside = state.current().inside
    return bool(inside) and any(kind != "task" for kind in inside)


def current() -> ThreadStreams | None:
    """The calling thread's streams (None: it draws from the modules' generators)."""
    streams: ThreadStreams | None = getattr(_local, "streams", None)
    return streams


def enter_thread(streams: ThreadStreams | None) -> ThreadStreams | None:
    """Give the calling thread ``streams``; returns what it had, for :func:`leave_thread`."""
    previous = getattr(_local, "streams", None)
    _local.streams = streams
    return previous


def leave_thread(previous: ThreadStreams | None) -> None:
    _local.streams = previous


def install() -> None:
    """Make the modules' functions dispatchers (once; numpy's once it is imported)."""
    if "random" in _patched and ("numpy" in _patched or "numpy.random.mtrand" not in sys.modules):
        return
    with _guard:
        if "random" not in _patched:
            shared = random._inst
            for name, original in list(vars(random).items()):
                if getattr(original, "__self__", None) is shared:
                    setattr(random, name, _dispatcher(name, original, ThreadStreams.random))
            _patched.add("random")
        numpy_random = sys.modules.get("numpy.random")
        mtrand = sys.modules.get("numpy.random.mtrand")
        if "numpy" not in _patched and numpy_random is not None and mtrand is not None:
            legacy = mtrand._rand
            for name, original in list(vars(numpy_random).items()):
                method = NUMPY_ALIASES.get(name)
                if getattr(original, "__self__", None) is legacy:
                    method = name
                if method is not None:
                    dispatcher = _dispatcher(method, original, ThreadStreams.numpy)
                    setattr(numpy_random, name, dispatcher)
            _patched.add("numpy")


def _dispatcher(
    method: str, original: Any, own: Callable[[ThreadStreams], Any]
) -> Callable[..., Any]:
    """``original`` for a thread without streams of its own, else its generator's
    ``method``."""

    def draw(*args: Any, **kwargs: Any) -> Any:
        streams = getattr(_local, "streams", None)
        if streams is None:
            return original(*args, **kwargs)
        return getattr(own(streams), method)(*args, **kwargs)

    draw.__name__ = draw.__qualname__ = getattr(original, "__name__", method)
    draw.__doc__ = getattr(original, "__doc__", None)
    draw.__module__ = getattr(original, "__module__", None) or "random"
    return draw
