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

numpy's global generator (``np.random.seed``, ``np.random.randint``..., the legacy
``RandomState`` behind them) is shared the same way, in programs whose modules hold
``numpy`` or ``numpy.random`` once ``numpy.random`` is imported.
"""

from __future__ import annotations

import random
import sys
from typing import Any

LABEL = "the generator of the random module"


class SharedStream:
    """The state of ``random``'s generator that the team agreed on (see above), and
    of numpy's global one when the program uses it (``np_state``, else None)."""

    def __init__(self, numpy_too: bool = False) -> None:
        self.state = random.getstate()
        self.np_state = _numpy_random().get_state() if numpy_too else None


def _numpy_random() -> Any:
    return sys.modules["numpy.random"]


def _same_numpy_state(a: Any, b: Any) -> bool:
    """``get_state()`` tuples (name, key array, position, gauss flag, gauss value)."""
    if a is b:
        return True
    return a[0] == b[0] and tuple(a[2:]) == tuple(b[2:]) and (a[1] == b[1]).all()


def uses_numpy_random(namespaces: list[dict[str, Any]]) -> bool:
    """Whether numpy's global generator may be drawn: ``numpy.random`` is imported and
    one of ``namespaces`` holds ``numpy``, ``numpy.random`` or one of its functions."""
    numpy_random = sys.modules.get("numpy.random")
    if numpy_random is None:
        return False
    numpy = sys.modules.get("numpy")
    generator = getattr(getattr(numpy_random, "mtrand", None), "_rand", None)
    for namespace in namespaces:
        for value in list(namespace.values()):
            if value is numpy or value is numpy_random:
                return True
            if generator is not None and getattr(value, "__self__", None) is generator:
                return True
    return False


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


class StreamSwitch:
    """One thread's use of the agreed stream (kept with its Coherence)."""

    __slots__ = ("entered", "np", "num", "saved", "shared", "synced")

    def __init__(self, shared: SharedStream, num: int) -> None:
        self.shared = shared
        self.num = num
        self.synced: Any = shared.state  # the agreed state this thread last had
        self.entered: Any = None
        self.saved: Any = None
        # numpy's generator: [synced, entered, saved], as above
        self.np: list[Any] = [shared.np_state, None, None]

    def enter(self) -> None:
        """A block starts (the other threads' records are applied already)."""
        shared = self.shared
        if shared.np_state is not None:
            self._enter_numpy()
        if self.num == 0:
            if shared.state is not self.synced:
                random.setstate(shared.state)
                self.synced = shared.state
            self.entered = random.getstate()
        else:
            self.saved = random.getstate()
            random.setstate(shared.state)

    def _enter_numpy(self) -> None:
        shared, np, generator = self.shared, self.np, _numpy_random()
        if self.num == 0:
            if shared.np_state is not np[0]:
                generator.set_state(shared.np_state)
                np[0] = shared.np_state
            np[1] = generator.get_state()
        else:
            np[2] = generator.get_state()
            generator.set_state(shared.np_state)

    def _leave_numpy(self) -> None:
        shared, np, generator = self.shared, self.np, _numpy_random()
        now = generator.get_state()
        if self.num == 0:
            if not _same_numpy_state(now, np[1]):
                shared.np_state = now
            np[0] = shared.np_state
            np[1] = None
        else:
            if not _same_numpy_state(now, shared.np_state):
                shared.np_state = now
            generator.set_state(np[2])
            np[2] = None

    def leave(self) -> None:
        """The block ends (before it publishes): its draws become the agreed state."""
        shared = self.shared
        if shared.np_state is not None:
            self._leave_numpy()
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

    def after_region(self) -> None:
        """The master, after the join: continue from the state the team agreed on
        last, if another thread moved it."""
        if self.shared.state is not self.synced:
            random.setstate(self.shared.state)
            self.synced = self.shared.state
        if self.shared.np_state is not None and self.shared.np_state is not self.np[0]:
            _numpy_random().set_state(self.shared.np_state)
            self.np[0] = self.shared.np_state
