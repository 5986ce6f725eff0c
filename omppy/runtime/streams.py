"""The ``random`` module's generator, shared the way python shares it.

Under python, ``random.random()`` and its siblings draw from one generator that
the whole program shares.  A team gives each worker a stream of its own
(docs/runtime-api.md, "Random numbers"), so that a sampling loop does not draw the
same numbers in every thread.  But a draw inside a synchronisation block (``single``,
``master``, ``critical``, ``ordered``) is not a race: it is the program's one
generator moving on, and it must give python's numbers.  So, for a program whose
modules use ``random``'s functions:

- the team agrees on the generator's state as it agrees on any shared object: a
  :class:`SharedStream` holds it, watched by the replica and compared by every
  block;
- entering a block, a worker puts its own stream aside and continues the agreed
  one; leaving it, the new state is what the block publishes, and the worker takes
  its own stream back;
- thread 0 continues the master's generator throughout (at one thread, python's
  numbers exactly); it takes the agreed state when another thread moved it, and the
  master takes it again after the region.

Costs about 20 us per block, and only in programs that use ``random``'s functions.

numpy's global generator (``np.random.rand()``, ``np.random.seed()``) is not shared
this way: reading and setting its whole state costs a hundred microseconds or more.
A worker that draws from it inside a block would draw from its own stream, not the
program's, so that is an error instead (:class:`NumpyGuard`: the generator's memory
compared before and after, a few microseconds), saying what to do.
"""

from __future__ import annotations

import ctypes
import random
import sys
from typing import Any

from .errors import OmpError

LABEL = "the generator of the random module"


class SharedStream:
    """The state of ``random``'s generator that the team agreed on (see above)."""

    def __init__(self) -> None:
        self.state = random.getstate()


def uses_module_random(namespaces: list[dict[str, Any]]) -> bool:
    """Whether any of ``namespaces`` holds the ``random`` module or one of its
    functions (``from random import randrange``)."""
    generator = getattr(random, "_inst", None)
    for namespace in namespaces:
        for value in list(namespace.values()):
            if value is random or (
                generator is not None and getattr(value, "__self__", None) is generator
            ):
                return True
    return False


# numpy's MT19937 state: 624 words of key and the position (numpy/random/_mt19937.pyx).
_MT19937_BYTES = 624 * 4 + 4


def numpy_state_address() -> int | None:
    """Where numpy's global generator keeps its state, once the program has used
    ``numpy.random`` (None before, or when it is not the usual MT19937)."""
    mtrand = sys.modules.get("numpy.random.mtrand")
    if mtrand is None:
        return None
    try:
        generator = mtrand._rand._bit_generator
        if type(generator).__name__ != "MT19937":
            return None
        address = generator.ctypes.state_address
    except Exception:
        return None
    return address if isinstance(address, int) and address else None


class NumpyGuard:
    """A worker's check that a block did not draw from numpy's global generator."""

    __slots__ = ("address", "before")

    def __init__(self, address: int) -> None:
        self.address = address
        self.before = b""

    def enter(self) -> None:
        self.before = ctypes.string_at(self.address, _MT19937_BYTES)

    def leave(self, kind: str, num: int) -> None:
        if ctypes.string_at(self.address, _MT19937_BYTES) != self.before:
            raise OmpError(
                f"thread {num} drew from numpy.random's global generator (np.random.rand, "
                f"np.random.randint, np.random.seed...) inside '# omp {kind}': a worker "
                "draws from a stream of its own there, not the program's, so these are "
                "not the numbers python would draw. Draw them in '# omp master' (thread 0 "
                "continues the program's generator), or use a generator object made "
                "before the region (rng = np.random.default_rng(seed); rng.random()), "
                "whose state omppy carries between threads"
            )


class StreamSwitch:
    """One thread's use of the agreed stream (kept with its Coherence), and, in a
    worker, the guard on numpy's global generator."""

    __slots__ = ("entered", "guard", "num", "saved", "shared", "synced")

    def __init__(self, shared: SharedStream | None, num: int, numpy_address: int | None) -> None:
        self.shared = shared
        self.num = num
        self.synced: Any = shared.state if shared is not None else None
        self.entered: Any = None
        self.saved: Any = None
        self.guard = NumpyGuard(numpy_address) if numpy_address and num else None

    def enter(self) -> None:
        """A block starts (the other threads' records are applied already)."""
        if self.guard is not None:
            self.guard.enter()
        shared = self.shared
        if shared is None:
            return
        if self.num == 0:
            if shared.state is not self.synced:
                random.setstate(shared.state)
                self.synced = shared.state
            self.entered = random.getstate()
        else:
            self.saved = random.getstate()
            random.setstate(shared.state)

    def leave(self, kind: str) -> None:
        """The block ends (before it publishes): its draws become the agreed state."""
        shared = self.shared
        if shared is not None:
            now = random.getstate()
            if self.num == 0:
                if now != self.entered:
                    shared.state = now
                self.synced = shared.state
                self.entered = None
            else:
                if now != shared.state:
                    shared.state = now
                random.setstate(self.saved)
                self.saved = None
        if self.guard is not None:
            self.guard.leave(kind, self.num)

    def after_region(self) -> None:
        """The master, after the join: continue from the state the team agreed on
        last, if another thread moved it."""
        if self.shared is not None and self.shared.state is not self.synced:
            random.setstate(self.shared.state)
            self.synced = self.shared.state
