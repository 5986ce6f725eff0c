"""``_omp_t`` on the threads backend: a thread's view of its :class:`ThreadTeam`.

The same interface as :class:`~omppy.runtime.thread.ThreadContext` (which it extends
and whose checks it keeps), with loops, barriers and synchronisation constructs that
use the team's records and locks instead of an arena in shared memory, and no
coherence: every thread sees every store at once.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from .. import schedule
from ..errors import AbortedBetween
from ..firstfailure import runs_before
from ..thread import ThreadContext
from ..where import location
from . import cancel, doacross
from .keyorder import AFTER_LOOP
from .park import Parker
from .streams import ThreadStreams
from .sync import ThreadedSyncBlock
from .tasks import ThreadTasks
from .team import ABORTED, Record, ThreadTeam, _critical, critical_lock
from .workshare import ThreadedWorkshare


class ThreadedContext(ThreadContext, ThreadStreams):
    """Thread ``num`` of a :class:`ThreadTeam`, and its random streams (``seeds``:
    the team's, set by the region before the thread runs)."""

    team: ThreadTeam  # type: ignore[assignment]  # a ThreadTeam where the base has a Team
    threaded = True  # the task functions look for it (tasks.py)

    # Defaults shadowed per context by the first store (see ThreadContext).
    ordered_record: Record | None = None
    holding = 0  # critical/atomic locks this thread holds (see region._stop)
    chunk_start = 0  # first iteration of the chunk running (keyorder.py's tag)
    task_state: ThreadTasks | None = None  # its explicit tasks (tasks.py)
    # The place in python's order of the code it runs now, when that is set by a
    # task (tasks.py): the keys it adds to watched dicts are tagged with it.
    task_tag: tuple[int, ...] | None = None
    in_task = 0  # tasks it is running, one inside another
    ident: int | None = None  # its thread, once it runs (hang.py)
    waiting = False  # waits for the team (hang.py)

    def __init__(self, team: ThreadTeam, num: int, parker: Parker | None = None) -> None:
        super().__init__(team, num)  # type: ignore[arg-type]
        # where it sleeps: its pooled thread's own (``parker``), or a new one
        self.parker = parker = Parker() if parker is None else parker
        team.parkers.append(parker)
        # Critical and atomic need their locks whenever another thread of the program
        # may run: in any team below an active region, a team of one included.
        self.locking = team.active_level > 0
        # Keys this thread adds to watched dicts (keyorder.py); a team of one adds
        # them in the sequential order already.
        self.new_keys = team.new_keys.by_thread[num] if team.size > 1 else None
        self.keys_set = team.new_keys.set_by_thread[num]
        team.contexts.append(self)
        # The version of each published name this thread has taken (team.fresh).
        self.seen_versions: dict[str, int] = {}

    def key_tag(self) -> tuple[int, ...]:
        """The tag of a key this thread adds to a watched dict now (keyorder.py)."""
        tag = self.task_tag
        if tag is not None and (self.in_task or tag[:2] == (self.loops, self.chunk_start)):
            return tag
        return (self.loops, self.chunk_start)

    # -- loops ------------------------------------------------------------------------

    def loop(
        self,
        items: Any,
        kind: str | None = None,
        chunk: int | None = None,
        ordered: bool = False,
        track: bool = False,
        cancellable: bool = False,
        doacross: Sequence[Any] | None = None,
    ) -> Iterable[Any]:
        """This thread's iterations of a work-sharing loop over ``items``."""
        if not schedule.is_sequence(items):
            items = schedule.iteration_space(items)
        n = len(items)
        kind, chunk = schedule.resolve(kind, chunk)
        size, num = self.size, self.num
        if doacross is not None:
            if size > 1:
                self.refuse_inside_block("a work-sharing loop ('# omp for')")
                self.loops += 1
            return _doacross_loop(self, items, kind, chunk, doacross)
        if size == 1:
            self.did_last = n > 0
            return items
        self.refuse_inside_block("a work-sharing loop ('# omp for')")
        if self.reductions and (kind != "static" or chunk is not None):
            self.scattered = location()
        if kind != "static":
            start = stop = 0  # (each chunk is checked as it is taken)
        elif chunk is None:
            start, stop = schedule.static_block(n, size, num)
        else:
            start = stop = num * chunk
        team = self.team
        if team.aborted and not runs_before(team.mark, self.loops + 1, start):
            raise AbortedBetween(ABORTED)
        self.loops += 1
        self.chunk_start = -1  # until its first chunk (failedstate.py)
        if cancellable:
            return cancel.loop(self, items, kind, chunk)
        if ordered:
            return self._ordered_loop(items, n, kind, chunk)
        if kind == "static":
            if chunk is None:
                self.did_last = stop == n and stop > start
                self.chunk_start = start if stop > start else -1
                return items[start:stop]
            self.did_last = n > 0 and ((n - 1) // chunk) % size == num
            return self._marked_chunks(items, n, chunk)  # (no coherence here: starts only)
        self.did_last = False
        return self._counter_loop(items, n, kind == "guided", chunk or 1)

    def _counter_loop(
        self, items: Sequence[Any], n: int, guided: bool, chunk: int
    ) -> Iterator[Any]:
        # _chunks inlined: one generator, no tuple per chunk (a hand-out should cost
        # about a microsecond)
        team = self.team
        record = team.enter_record(self)
        lock = record.lock
        size = self.size
        try:
            while True:
                with lock:
                    start = record.next
                    step = max(chunk, -(-(n - start) // size)) if guided else chunk
                    record.next = start + step
                if start >= n:
                    return
                if team.aborted and not runs_before(team.mark, self.loops, start):
                    raise AbortedBetween(ABORTED)
                stop = start + step
                if stop >= n:
                    stop = n
                    self.did_last = True
                self.chunk_start = start
                if step == 1:
                    yield items[start]
                else:
                    yield from items[start:stop]
        finally:
            team.leave_record(record)

    def chunks_of(
        self, record: Record, n: int, guided: bool, chunk: int
    ) -> Iterator[tuple[int, int]]:
        return self._chunks(record, n, guided, chunk)

    def _chunks(
        self, record: Record, n: int, guided: bool, chunk: int
    ) -> Iterator[tuple[int, int]]:
        """The ``[start, stop)`` chunks this thread takes from the loop's counter."""
        team = self.team
        lock = record.lock
        size = self.size
        while True:
            with lock:
                start = record.next
                step = max(chunk, -(-(n - start) // size)) if guided else chunk
                record.next = start + step
            if start >= n:
                return
            if team.aborted and not runs_before(team.mark, self.loops, start):
                raise AbortedBetween(ABORTED)
            stop = start + step
            if stop >= n:
                stop = n
                self.did_last = True
            self.chunk_start = start
            yield start, stop

    def _ordered_loop(
        self, items: Sequence[Any], n: int, kind: str, chunk: int | None
    ) -> Iterator[Any]:
        """A loop whose ``ordered`` blocks run in iteration order (see ThreadContext)."""
        team = self.team
        size, num = self.size, self.num
        record = team.enter_record(self)
        if kind == "static":
            if chunk is None:
                start, stop = schedule.static_block(n, size, num)
                spans = [(start, stop)] if stop > start else []
            else:
                spans = [(s, min(s + chunk, n)) for s in range(num * chunk, n, size * chunk)]
            self.did_last = bool(spans) and spans[-1][1] == n
            chunks: Iterable[tuple[int, int]] = spans
        else:
            chunks = self._chunks(record, n, kind == "guided", chunk or 1)
        self.ordered_record = record
        try:
            for start, stop in chunks:
                self.chunk_start = start
                for index in range(start, stop):
                    self.current_iteration = index
                    self.ordered_pending = True
                    yield items[index]
                    if self.ordered_pending:  # no ordered block ran: pass the turn on
                        team.wait_turn(self, record, index)
                        team.pass_turn(record, index)
                        self.ordered_pending = False
        finally:
            self.ordered_record = None
            team.leave_record(record)

    def end_of_loop(self) -> None:
        """The loop's iterations are over: keys added from now on come after them."""
        self.chunk_start = AFTER_LOOP

    def wait_turn(self) -> None:
        assert self.ordered_record is not None
        self.team.wait_turn(self, self.ordered_record, self.current_iteration)

    # -- synchronisation constructs ---------------------------------------------------

    def wait(self, lock: Any, owner: Any = None) -> None:
        self.team.take(lock, owner)

    def refresh(self, names: tuple[str, ...]) -> dict[str, Any]:
        """The latest values of those of ``names`` bound in synchronisation blocks."""
        return self.team.fresh(names, None if self.in_task else self) if names else {}

    # The synchronisation constructs and work shares are ThreadContext's; these are
    # their hooks.  ``touches`` and ``closed`` (what a block may change, from the
    # translator's effects analysis) tell the fork backend what to compare when a
    # block ends; here every thread changes the same objects: ThreadedSyncBlock
    # ignores them.

    block_type = ThreadedSyncBlock
    workshare_type = ThreadedWorkshare

    def block_lock(self, kind: str, name: str | None) -> Any:
        """The process-wide lock of ``kind`` (``critical(name)``, ``atomic``), as in
        OpenMP two teams exclude each other on one name; None when no other thread
        of the program may run (team.py's critical_lock, inlined: a critical should
        cost little more than its lock)."""
        if not self.locking:
            return None
        lock = _critical.get(kind)
        return lock if lock is not None else critical_lock(kind)

    def claim_single(self) -> bool:
        team = self.team
        record = team.enter_record(self)
        first = team.claim(record)
        team.leave_record(record)
        return first

    def in_ordered_loop(self) -> bool:
        return self.ordered_record is not None

    def turn_passer(self) -> Any:
        team, record, index = self.team, self.ordered_record, self.current_iteration
        assert record is not None

        def pass_turn() -> None:
            self.ordered_pending = False
            team.pass_turn(record, index)

        return pass_turn

    # -- barriers ---------------------------------------------------------------------

    def barrier(self) -> None:
        if self.size > 1:
            if self.cancel_scopes:  # a cancellation point: see exchange
                self.exchange(None)
                return
            self.refuse_inside_block(
                "a barrier (an explicit '# omp barrier', or the one ending a 'for', "
                "'sections' or 'single')"
            )
            self.team.barrier(self)

    # -- cancellation (cancel.py) -----------------------------------------------------

    def cancellable(self, kind: str) -> Any:
        return cancel.ThreadedCancelScope(self, kind)

    def cancel(self, kind: str, if_: Any = True) -> None:
        cancel.cancel_construct(self, kind, if_)

    def cancellation_point(self, kind: str) -> None:
        cancel.cancellation_point(self, kind)

    # doacross_wait and doacross_post are ThreadContext's, on a ThreadedDoacross
    # (doacross.py)

    def exchange(self, payload: Any, cancellation_point: bool = True) -> list[Any]:
        """A barrier at which each thread hands every other thread ``payload``; in a
        region that may be cancelled, a cancellation point (runtime/cancel.py)."""
        if self.size == 1:
            return [payload]
        self.refuse_inside_block(
            "a barrier (an explicit '# omp barrier', or the one ending a 'for', "
            "'sections' or 'single')"
        )
        result: list[Any] = self.team.exchange(self, payload)
        if cancellation_point and self.cancel_scopes:
            cancel.after_barrier(self, result)
        return result

    def exchange_folded(self, payload: Any, fold: Any) -> Any:
        """A barrier at which the last thread to arrive folds every thread's payload
        (once, for the team); every thread gets the folded value."""
        if self.size == 1:
            return fold([payload])
        if self.cancel_scopes:
            # A cancellable region: a thread that left it meets this barrier with
            # DRAINING (runtime/cancel.py), which must not be folded.  The payloads
            # first, with that check; then one thread folds them for the team.
            payloads = self.exchange(payload)
            return self.team.exchange(self, None, lambda _: fold(payloads))
        self.refuse_inside_block(
            "a barrier (an explicit '# omp barrier', or the one ending a 'for', "
            "'sections' or 'single')"
        )
        return self.team.exchange(self, payload, fold)


_doacross_loop = doacross.loop  # ``loop``'s parameter of that name hides the module
