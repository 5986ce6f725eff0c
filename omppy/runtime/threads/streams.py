"""Each thread's random streams, as the fork backend gives them to its processes.

A forked worker reseeds ``random`` and ``numpy.random`` from its master's state and
its thread number (``worker.py``).  Threads share those modules' generators, so while
a team runs, the modules' functions (``random.random``, ``np.random.rand``...) are
replaced by dispatchers that draw from the calling thread's own generator, seeded the
same way from the same state: a seeded program draws the same numbers on either
backend.  Thread 0 draws from the module's own generator, as in the fork backend.
A thread's generators are made at its first draw, so a region that draws nothing pays
nothing for them.

Functions bound before the region (``from random import random``) draw from the
shared generator: still correct, but which thread gets which number then varies.
"""

from __future__ import annotations

import _thread
import random
import sys
import threading
from collections.abc import Callable
from typing import Any

_local = threading.local()  # .streams: the calling thread's ThreadStreams, if any
_guard = _thread.allocate_lock()
_installed = 0  # teams running with the dispatchers in place
_saved: list[tuple[Any, str, Any]] = []  # (module, name, original) to put back

NUMPY_ALIASES = {"ranf": "random_sample", "sample": "random_sample", "seed": "seed"}


class ThreadStreams:
    """The generators of thread ``num`` of a team whose master's state gave ``seeds``."""

    def __init__(self, seeds: tuple[int, int | None, int], num: int) -> None:
        self.seeds = seeds
        self.num = num
        self._random: random.Random | None = None
        self._numpy: Any = None

    def random(self) -> random.Random:
        if self._random is None:
            seed = (self.seeds[0] ^ self.num * 0x9E3779B97F4A7C15) & 0xFFFFFFFFFFFFFFFF
            self._random = random.Random(seed)
        return self._random

    def numpy(self) -> Any:
        if self._numpy is None:
            numpy_random = sys.modules["numpy.random"]
            _, numpy_base, serial = self.seeds
            if numpy_base is None:
                self._numpy = numpy_random.RandomState()
            else:
                self._numpy = numpy_random.RandomState([numpy_base, serial & 0xFFFFFFFF, self.num])
        return self._numpy


def enter_thread(streams: ThreadStreams | None) -> ThreadStreams | None:
    """Give the calling thread ``streams``; returns what it had, for :func:`leave_thread`."""
    previous = getattr(_local, "streams", None)
    _local.streams = streams
    return previous


def leave_thread(previous: ThreadStreams | None) -> None:
    _local.streams = previous


def install() -> None:
    """Put the dispatchers in place (teams may nest: counted)."""
    global _installed
    with _guard:
        _installed += 1
        if _installed > 1:
            return
        for module, name, original, dispatcher in _patches():
            if getattr(module, name, None) is original:  # not replaced by the program
                _saved.append((module, name, original))
                setattr(module, name, dispatcher)


def uninstall() -> None:
    global _installed
    with _guard:
        _installed -= 1
        if _installed:
            return
        for module, name, original in reversed(_saved):
            setattr(module, name, original)
        _saved.clear()


_made: dict[str, list[tuple[Any, str, Any, Any]]] = {}  # module name -> its patches


def _patches() -> list[tuple[Any, str, Any, Any]]:
    """(module, name, original function, dispatcher) for ``random`` and, once it is
    imported, ``numpy.random``; made once."""
    if "random" not in _made:
        shared = random._inst
        _made["random"] = [
            (random, name, original, _dispatcher(name, original, ThreadStreams.random))
            for name, original in vars(random).items()
            if getattr(original, "__self__", None) is shared
        ]
    numpy_random = sys.modules.get("numpy.random")
    mtrand = sys.modules.get("numpy.random.mtrand")
    if "numpy" not in _made and numpy_random is not None and mtrand is not None:
        legacy = mtrand._rand
        made = []
        for name, original in vars(numpy_random).items():
            method = NUMPY_ALIASES.get(name)
            if getattr(original, "__self__", None) is legacy:
                method = name
            if method is not None:
                dispatcher = _dispatcher(method, original, ThreadStreams.numpy)
                made.append((numpy_random, name, original, dispatcher))
        _made["numpy"] = made
    return [patch for patches in _made.values() for patch in patches]


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
    return draw
