"""Synchronisation blocks on the threads backend (see ``runtime/sync.py``).

Shared objects need nothing here: every thread changes the same objects.  What a
block still hands on is its *names*: a name bound in a block is a local of each
thread's outlined function, so leaving the block publishes its value to the team
and entering a block (or passing a barrier) takes the latest published values.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

from .. import globalnames
from ..sync import SyncBlock
from ..unbound import UNBOUND

if TYPE_CHECKING:
    from .context import ThreadedContext


class ThreadedSyncBlock(SyncBlock):
    """One execution of a synchronisation construct by one thread of a thread team."""

    thread: ThreadedContext

    def __init__(
        self,
        thread: ThreadedContext,
        kind: str,
        names: tuple[str, ...],
        runs: bool,
        lock: Any = None,
        touches: tuple[str, ...] | None = None,  # the fork backend's: unused here
        closed: bool = False,
        reads: tuple[str, ...] = (),
    ) -> None:
        self.thread = thread
        self.kind = kind
        self.names = names
        self.runs = runs
        self.lock = lock
        self.after: Any = None  # what to do when leaving (ordered: pass the turn)
        self.skipped: tuple[str, ...] = ()  # (see SyncBlock.skipped)
        if lock is not None:
            thread.team.take(lock)
            thread.holding += 1
        if runs:
            # (A task's names are its own function's locals, not the thread's: it takes
            # the latest values, its thread's own publications included.)
            reader = None if thread.in_task else thread
            wanted = (*names, *reads) if reads else names
            self.fresh = thread.team.fresh(wanted, reader) if wanted else {}
            thread.inside.append(kind)  # a barrier now would deadlock (see ThreadContext)
        else:
            self.fresh = {}

    def leave(self, scope: dict[str, Any]) -> None:
        """Publish the names this block bound and release what it holds."""
        try:
            if self.runs and globalnames.NAMES:
                globalnames.mirror(sys._getframe(1), scope, UNBOUND, self.names)
            if self.runs and self.names:
                values = {
                    n: scope[n] for n in self.names if n in scope and scope[n] is not UNBOUND
                }
                flushed = self.thread.flushed
                if flushed:  # published when a task was made: tasks may have since
                    for name in [n for n in values if n in flushed]:
                        if flushed.pop(name) is values[name]:
                            del values[name]
                            self.skipped = (*self.skipped, name)
                if values:
                    publisher = -1 if self.thread.in_task else self.thread.num
                    self.thread.team.publish(values, publisher)
        finally:
            if self.runs:
                self.thread.inside.pop()
            if self.after is not None:
                self.after()
            if self.lock is not None:
                self.thread.holding -= 1
            self._release()

    def end(
        self, scope: dict[str, Any], nowait: bool = False, shared: tuple[str, ...] = ()
    ) -> dict[str, Any]:
        """After a ``single``: the barrier, then every thread takes the block's values
        (``copyprivate`` names from the thread that ran it) and the newest ``shared``."""
        thread = self.thread
        if nowait or thread.size == 1:
            return {}
        payload = None
        if self.runs:
            payload = {
                n: scope[n]
                for n in self.names
                if n in scope and scope[n] is not UNBOUND and n not in self.skipped
            }
        payloads = thread.exchange(payload)
        fresh = thread.refresh((*self.names, *shared))
        sent = next((p for p in payloads if p is not None), None)
        if sent is not None:
            fresh.update(sent)
        return fresh
