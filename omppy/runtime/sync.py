"""Synchronisation constructs: critical, atomic, single, master/masked, ordered.

Each is a :class:`SyncBlock` that the translated code opens, runs (or skips), and
leaves with its ``locals()``.  Inside such a block a shared object may be changed
in any way, and a name the block binds is shared (docs/data-sharing.md):

- **entering** the block (once its lock or turn is taken) applies what other
  threads' blocks published since this thread last looked, and hands the block the
  newest values of its names and of the shared names it only reads (``fresh``);
- **leaving** it *publishes* what this thread changed in shared objects and the
  values of the names the block binds, as one record of the team's publication log
  (``coherence.py``), which the next block of any thread applies first.

``critical`` and ``atomic`` hold a team-wide lock from open to leave; ``ordered``
waits for its iteration's turn; ``single`` lets the first thread to arrive run it,
and ends with a barrier unless ``nowait``.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

from . import globalnames, keynotes
from .unbound import UNBOUND
from .where import HERE

if TYPE_CHECKING:
    from .thread import ThreadContext


def _named(names: tuple[str, ...], scope: dict[str, Any], depth: int) -> list[Any]:
    """The objects ``names`` name in the block's ``scope`` (its locals) or else, as
    Python would look them up, its module's globals (the frame ``depth`` calls up,
    taken only if a name is not among the locals: a global the block changes in a
    helper, ``buckets[k].append``)."""
    found = []
    outer = None
    for name in names:
        if name in scope:
            found.append(scope[name])
            continue
        if outer is None:
            outer = sys._getframe(depth + 1).f_globals
        if name in outer:
            found.append(outer[name])
    return found


class SyncBlock:
    """One execution of a synchronisation construct by one thread."""

    def __init__(
        self,
        thread: ThreadContext,
        kind: str,
        names: tuple[str, ...],
        runs: bool,
        lock: Any = None,
        touches: tuple[str, ...] | None = None,
        closed: bool = False,
        reads: tuple[str, ...] = (),
    ) -> None:
        self.thread = thread
        # The names whose objects the block may change in place (the translator's
        # effects analysis), or None: it may change anything (see Coherence.publish).
        self.touches = touches
        # ``closed``: the block runs no function of the program and rebinds no global
        # or nonlocal name (the translator says so), so what it changes is what
        # ``touches`` names: nothing else is compared when it ends.
        self.closed = closed and touches is not None
        self.kind = kind
        self.names = names
        self.runs = runs
        self.lock = lock
        self.fresh: dict[str, Any] = {}
        # Names its leave did not publish (thread.flushed): single's end hands them
        # on neither.
        self.skipped: tuple[str, ...] = ()
        self.after: Any = None  # what to do when leaving (ordered: pass the turn)
        if lock is not None:
            thread.wait(lock)
        if runs:
            coherence = thread.coherence
            if coherence is not None:
                try:
                    coherence.catch_up(HERE)
                except BaseException:
                    self._release()
                    raise
                # ``reads``: shared names the block only reads (a flag a spinning
                # thread tests under critical): their newest values too.
                self.fresh = coherence.fresh((*names, *reads) if reads else names)
                if coherence.replica.ordered_dicts:
                    keynotes.start(coherence.replica)  # the order it sets keys in
                    keynotes.enable(
                        None if touches is None else _named(touches, sys._getframe(2).f_locals, 2)
                    )
                if coherence.stream is not None and not thread.inside:
                    coherence.stream.enter()
                files = getattr(thread.team, "files", None)
                if files is not None and files.readers and not thread.inside:
                    files.enter()  # files read: the shared offset (files.py)
            thread.inside.append(kind)  # a barrier now would deadlock (see ThreadContext)

    def leave(self, scope: dict[str, Any]) -> None:
        """Publish what this block changed and release what it holds."""
        try:
            if self.runs and globalnames.NAMES:
                globalnames.mirror(sys._getframe(1), scope, UNBOUND, self.names)
            coherence = self.thread.coherence
            if self.runs and coherence is not None:
                if coherence.stream is not None and len(self.thread.inside) == 1:
                    coherence.stream.leave()
                values = {}
                flushed = self.thread.flushed
                for name in self.names:
                    value = scope.get(name, UNBOUND)
                    if flushed and name in flushed and flushed.pop(name) is value:
                        # published when a task was made: tasks may have since
                        self.skipped = (*self.skipped, name)
                        continue
                    if value is not UNBOUND:
                        values[name] = value
                touched = None
                if self.touches is not None:
                    touched = _named(self.touches, scope, 1)
                coherence.publish(self.kind, values, touched, self.closed)
            files = getattr(self.thread.team, "files", None)
            if self.runs and files is not None:
                if (files.readers or files.compressed) and len(self.thread.inside) == 1:
                    files.leave(self.thread.num, self.kind)  # flushed; positions handed on
                else:
                    files.flush()  # writes in the blocks' order (files.py)
        finally:
            if self.runs:
                self.thread.inside.pop()
                if keynotes.WATCHED and not self.thread.inside:
                    keynotes.stop()
            if self.after is not None:
                self.after()
            self._release()

    def _release(self) -> None:
        if self.lock is not None:
            self.lock.release()
            self.lock = None

    def end(
        self, scope: dict[str, Any], nowait: bool = False, shared: tuple[str, ...] = ()
    ) -> dict[str, Any]:
        """After a ``single``: the barrier, then every thread takes the block's values.

        The block's names travel with the barrier from the thread that ran it, so a
        ``copyprivate`` name (private to each thread) gets that thread's value, and
        a ``single`` in a loop hands over its own round's values.  ``shared`` names
        the region's other shared names, which the barrier refreshes too.
        """
        thread = self.thread
        if nowait or thread.size == 1 or thread.coherence is None:
            return {}
        replica = thread.coherence.replica
        # A worker whose region returns next: nothing the barrier brings is needed
        # (no name to take either; ThreadContext.region_ends_after).
        ending = not self.names and not shared and thread.region_ends_after()
        payload = None
        if self.runs:
            values = {
                n: scope[n]
                for n in self.names
                if n in scope and scope[n] is not UNBOUND and n not in self.skipped
            }
            payload = replica.dumps(values)
        thread.ending = ending
        payloads = thread.exchange(payload)
        if ending:
            return {}
        sent = next((p for p in payloads if p is not None), None)
        fresh = thread.refresh((*self.names, *shared))
        if sent is not None:  # read after the barrier: it may name objects the log brought
            fresh.update(replica.loads(sent))
        return fresh


class SequentialBlock:
    """A synchronisation construct met with no team (a helper's orphaned ``critical``
    called outside any region): it runs, as python would, and has nothing to wait
    for, apply or publish.  One shared instance (:data:`RUNS`) keeps such calls near
    python's cost (docs/benchmarks.md, code outside regions)."""

    __slots__ = ("runs",)

    fresh: dict[str, Any] = {}  # never written: no thread publishes anything
    after: Any = None

    def __init__(self, runs: bool) -> None:
        self.runs = runs

    def leave(self, scope: dict[str, Any]) -> None:
        pass

    def end(
        self, scope: dict[str, Any], nowait: bool = False, shared: tuple[str, ...] = ()
    ) -> dict[str, Any]:
        return {}


RUNS = SequentialBlock(True)
