"""Synchronisation constructs: critical, atomic, single, master/masked, ordered.

Each is a :class:`SyncBlock` that the translated code opens, runs (or skips), and
leaves with its ``locals()``.  A name bound, or a shared object mutated, inside such
a block is shared (SPEC §4): leaving the block *publishes* those names' values to the
team's store (shared memory), and entering the next block, a barrier, or the end of
the region *refreshes* them from it.  Shared numpy arrays are never published: they
are already in shared memory.

``critical`` and ``atomic`` hold a team-wide lock from open to leave; ``ordered``
waits for its iteration's turn; ``single`` lets the first thread to arrive run it,
and ends with a barrier unless ``nowait``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .sharedmem import is_array, is_shared
from .unbound import UNBOUND

if TYPE_CHECKING:
    from .context import ThreadContext


def _publishable(value: Any) -> bool:
    return value is not UNBOUND and not (is_array(value) and is_shared(value))


class SyncBlock:
    """One execution of a synchronisation construct by one thread."""

    def __init__(
        self,
        thread: ThreadContext,
        kind: str,
        names: tuple[str, ...],
        runs: bool,
        lock: Any = None,
    ) -> None:
        self.thread = thread
        self.kind = kind
        self.names = names
        self.runs = runs
        self.lock = lock
        self.fresh: dict[str, Any] = {}
        self.after: Any = None  # what to do when leaving (ordered: pass the turn)
        if lock is not None:
            thread.wait(lock)
        if runs:
            self.fresh = thread.refresh(names)
            thread.inside.append(kind)  # a barrier now would deadlock (see ThreadContext)

    def leave(self, scope: dict[str, Any]) -> None:
        """Publish this block's shared names and release what it holds."""
        try:
            if self.runs and self.names and self.thread.size > 1:
                values = {n: scope[n] for n in self.names if n in scope}
                publishable = {n: v for n, v in values.items() if _publishable(v)}
                if publishable:  # a shared array is already everyone's: nothing to send
                    self.thread.publish(publishable)
                    if self.kind.startswith(("critical", "atomic")):
                        self.thread.note_lock(self.kind, publishable)
        finally:
            if self.runs:
                self.thread.inside.pop()
            if self.after is not None:
                self.after()
            if self.lock is not None:
                self.lock.release()

    def end(
        self, scope: dict[str, Any], nowait: bool = False, shared: tuple[str, ...] = ()
    ) -> dict[str, Any]:
        """After a ``single``: the barrier, then every thread takes the shared values.

        ``shared`` names the region's other shared names, which the barrier refreshes
        too (a ``critical`` may have set them).
        """
        if nowait or self.thread.size == 1:
            return {}
        # The single's own names travel with the barrier, from the thread that ran it:
        # read from the store after the barrier, a fast thread's next single (in a
        # loop) could already have replaced them.
        payload = None
        if self.runs:
            payload = {n: scope[n] for n in self.names if n in scope and _publishable(scope[n])}
        payloads = self.thread.exchange(payload)
        values: dict[str, Any] = next((p for p in payloads if p is not None), {})
        # The refresh also marks the single's own names as seen at their newest version,
        # so that a later refresh does not take them again over newer stores.
        fresh = self.thread.refresh((*self.names, *shared))
        fresh.update(values)
        return fresh
