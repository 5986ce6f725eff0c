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
"""

from __future__ import annotations

import random
from typing import Any

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


class StreamSwitch:
    """One thread's use of the agreed stream (kept with its Coherence)."""

    __slots__ = ("entered", "num", "saved", "shared", "synced")

    def __init__(self, shared: SharedStream, num: int) -> None:
        self.shared = shared
        self.num = num
        self.synced: Any = shared.state  # the agreed state this thread last had
        self.entered: Any = None
        self.saved: Any = None

    def enter(self) -> None:
        """A block starts (the other threads' records are applied already)."""
        shared = self.shared
        if self.num == 0:
            if shared.state is not self.synced:
                random.setstate(shared.state)
                self.synced = shared.state
            self.entered = random.getstate()
        else:
            self.saved = random.getstate()
            random.setstate(shared.state)

    def leave(self) -> None:
        """The block ends (before it publishes): its draws become the agreed state."""
        shared = self.shared
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
