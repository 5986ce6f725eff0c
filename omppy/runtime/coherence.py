"""Keeping every thread's copy of the shared objects in step with the team.

Data flow (one thread; see ``replica.py`` for what is shared, ``shadow.py`` for
what a change is)::

    plain Python code changes this process's objects (no bookkeeping per store)
        |
    leaving critical / atomic / single / master / ordered
        |   changes = replica.changes()          what this thread changed so far
        |   append (changes, names bound) to the team's publication log
        v
    entering such a block, or reaching a barrier
        |   apply the log records of other threads, in their order
        v
    barrier (explicit, or ending a for / sections / single; the region's end)
        |   each thread hands the others its changes since the last agreement
        |   check: two threads changed one place differently -> OmpError
        |   apply the log, then the other threads' changes in thread order
        v
    every process holds the same state again

Records in the log are totally ordered (the log's lock).  A record a thread had
not applied when it made a change is *concurrent* with it; concurrent changes to
one place are a data race and end the region with an error (``conflict.py``).

One idea: :class:`Coherence`, the team's publication log as one thread sees it
(records, catch-up, barriers, and the one order of new dict keys they agree on).
"""

from __future__ import annotations

import bisect
import sys
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from . import conflict, keynotes, masked
from .arena import LOG_MARK
from .errors import OmpError
from .firstfailure import AFTER_LOOP
from .replica import Changes, Replica
from .shadow import dict_methods
from .streams import StreamSwitch
from .where import location
from .wire import ATOMIC, Parcel, dump_plain

if TYPE_CHECKING:
    from .arena import Arena

# Levels watched below a value that a block publishes by name, or a reduction's
# result: the same in every process (new objects are named by their place).
PUBLISHED_DEPTH = 3

Record = tuple[int, int, int, str, Changes, dict[str, Any]]  # seq, thread, seen, kind, ...
Part = tuple[bytes | Parcel | None, int]  # a thread's changes at a barrier, what it saw
# (work-sharing loop of the region, first iteration of a chunk), and for keys a task
# added, its place in the order python runs the tasks in (see tasks.py, TaskState.tag).
Tag = tuple[int, ...]
UNTAGGED: Tag = (1 << 62, 0)  # keys with no tag come after tagged ones, in their order
# The keys a thread added over several stretches of iterations (chunks, tasks) to a
# dict whose lengths it did not note at each (no tracked dict): their iterations are
# unknown (_order_new_keys: an error if another source added keys to it too)
SPREAD: Tag = (1 << 62, 1)


class Coherence:
    """One thread's side of the protocol above, for one team."""

    def __init__(self, replica: Replica, arena: Arena | None, num: int, size: int) -> None:
        self.replica = replica
        self.arena = arena
        self.num = num
        self.size = size
        self.cursor = (0, 0, 0)  # (log generation, byte offset, last record applied)
        # Names bound in synchronisation blocks: the newest value applied, and the
        # record that bound the value the thread's code last took.
        self.latest: dict[str, tuple[float, Any]] = {}
        self.taken: dict[str, float] = {}
        # Records applied since the last barrier: a later record made without seeing
        # one of them (another lock) is checked against it.
        self.recent: list[Record] = []
        self.intervals = 0  # barriers passed: names the objects their changes bring
        # Where the current stretch of iterations began, in the tracked dicts: a key
        # this thread adds is tagged with the iterations it was added in (_tag_new_keys).
        self.marks: list[tuple[Tag, dict[Any, int]]] = []
        self.last_tag: Tag = (0, -1)
        # The stretches of iterations (chunks) this thread started since the last
        # barrier, and whether it ran tasks: how a dict no one tracks was filled
        # (_tag_new_keys); ``where`` gives the current stretch (the thread's loop and
        # chunk, ThreadContext.where) where the marks are not kept.
        self.chunks_run = 0
        self.chunk_tag: Tag = self.last_tag  # the last one's
        # Tracked dict -> key -> the lowest tag a record since the barrier gave it,
        # from the first ``_tagged`` records of ``recent`` (_fold_tags): which of a
        # block's noted keys can move (_relevant)
        self.key_tags: dict[Any, dict[Any, Tag]] = {}
        self._tagged = 0
        self.ran_tasks = False
        self.where: Callable[[], Tag] | None = None
        stream = replica.stream
        self.stream = StreamSwitch(stream, num) if stream is not None else None
        # The master's part at the region's end, compared as soon as its own part of
        # the region is done (forkjoin._run_master), taken by join.merge.
        self.final_part: Part | None = None

    @property
    def seen(self) -> int:
        return self.cursor[2]

    # -- the order of new dict keys -----------------------------------------------------

    def mark(self, tag: Tag, task: bool = False) -> None:
        """This thread starts the iterations ``tag`` names (``task``: a stretch of a
        task): remember the tracked dicts' lengths, so a key added from here on is
        known to come from them."""
        if task:
            self.ran_tasks = True
        else:
            self.last_tag = tag
            if tag[-1] != AFTER_LOOP:
                self.chunks_run += 1
                self.chunk_tag = tag
        tracked = self.replica.ordered_dicts
        if tracked:
            objects = self.replica.objects
            lengths = {token: len(objects[token]) for token in tracked}
            if self.marks and self.marks[-1][1] == lengths:
                self.marks[-1] = (tag, lengths)  # no key came from the previous stretch
            else:
                self.marks.append((tag, lengths))

    def _tag_new_keys(
        self, changes: Changes, block: bool = False, noted: dict[Any, list[Any]] | None = None
    ) -> Changes:
        """Add to each tracked dict's change the tags of the keys this thread added.

        ``block``: the changes of one synchronisation block, all made in the stretch
        of iterations this thread runs now; the keys it set that were there already
        are tagged with that stretch too (a sixth field: ``(key, tag)`` pairs), since
        python would have added such a key there if no earlier iteration had: another
        thread's block may have added it first (``counts[w] = counts.get(w, 0) + 1``
        under critical), and :meth:`_order_new_keys` puts it where python would.

        ``noted``: the keys the block's statements touched, in order (keynotes.py).
        When they name every key the block changed in a dict, the sixth field lists
        them all, new keys too, in that order, and a seventh is their one tag (the
        places come from it); otherwise the keys set again follow the dict's order."""
        tracked = self.replica.ordered_dicts
        tagged: Changes = []
        now = self._now() if block else None
        for token, change in changes:
            if change[0] == "D" and change[3] and token not in tracked:
                change = (*change[:4], [self._untracked_tag(block)] * change[3])
            elif change[0] == "D" and token in tracked:
                updated = len(change[1]) - change[3]
                order = noted.get(token) if noted else None
                moves = bool(change[2]) and _moves_keys(change)
                if (
                    now is not None
                    and order is not None
                    and _covers(order, change, self.replica.shadows[token] if moves else None)
                ):
                    tags = self._tags(token, change) if change[3] else []
                    if moves:
                        order = keynotes.last_touched(token)  # (where moves leave them)
                    change = (*change[:4], tags, order, now)
                elif now is not None and updated:
                    tags = self._tags(token, change) if change[3] else []
                    change = (*change[:4], tags, [(k, now) for k, _ in change[1][:updated]])
                elif change[3]:
                    change = (*change[:4], self._tags(token, change))
            tagged.append((token, change))
        return tagged

    def _now(self) -> Tag:
        """The stretch of iterations this thread runs now (a block's tag)."""
        return self.marks[-1][0] if self.marks else self.last_tag

    def chunks(self, loop: int, starts: range) -> None:
        """This thread runs the chunks of loop ``loop`` that begin at ``starts``, with
        no mark each (no tracked dict: ThreadContext._marked_chunks)."""
        self.chunks_run += len(starts)
        if starts:
            self.chunk_tag = (loop, starts[-1])

    def _untracked_tag(self, block: bool) -> Tag:
        """The tag of the keys this thread added to a dict it does not track: the
        stretch it runs now for a block's (a block runs in one), the one stretch it
        ran since the last barrier, or :data:`SPREAD` (several, or tasks)."""
        if block:
            where = self.where
            return where() if where is not None else self.last_tag
        if self.ran_tasks or self.chunks_run > 1:
            return SPREAD
        return self.chunk_tag if self.chunks_run else self.last_tag

    def _tags(self, token: Any, change: tuple[Any, ...]) -> list[Tag]:
        live = self.replica.objects[token]
        new = [key for key, _ in change[1][len(change[1]) - change[3] :]]
        wanted = set(new)
        position = {key: i for i, key in enumerate(live) if key in wanted}
        tags = []
        for key in new:
            where = position.get(key, 0)
            tag: Tag = (0, -1)
            for mark_tag, lengths in reversed(self.marks):
                if lengths.get(token, 0) <= where:
                    tag = mark_tag
                    break
            tags.append(tag)
        return tags

    def _forget_marks(self) -> None:
        """After a barrier the dicts' lengths moved: start again from here."""
        self.marks.clear()
        self.mark(self.last_tag)
        self.chunks_run = 0
        self.ran_tasks = False
        self.chunk_tag = self.last_tag
        self.key_tags.clear()
        self._tagged = 0

    # -- the log ------------------------------------------------------------------------

    def catch_up(self, where: str) -> None:
        """Apply the records other threads added to the log since this thread looked."""
        if self.arena is None:
            return
        raw, self.cursor = self.arena.log_read(self.cursor)
        for seq, thread, payload in raw:
            if thread == self.num:
                continue  # its changes are this process's own already
            self._apply_record(seq, thread, payload, where)
        self.arena.words[self.arena.cursor_base + self.num] = self.cursor[2]

    def _apply_record(self, seq: int, thread: int, payload: bytes, where: str) -> None:
        changes, seen, kind, names = self.replica.load_changes(payload)
        record: Record = (seq, thread, seen, kind, changes, names)
        # This thread's own changes since it last agreed are concurrent with the record.
        mine = [
            (token, change)
            for token, change in ((t, self.replica.changes_of(t)) for t, _ in changes)
            if change is not None
        ]
        if mine:
            conflict.check(
                [(_who(record), changes), (f"thread {self.num}", mine)], self.replica, where
            )
        # Only records after what its maker had seen can be concurrent with it: the
        # tail of the (sorted) list.
        for other in reversed(self.recent):
            if other[0] <= seen:
                break
            _check_if_concurrent(other, record, self.replica, where)
        self.replica.apply(changes, ("record", seq))
        self._take_names(seq, names)
        self._remember(record)

    def _remember(self, record: Record) -> None:
        """Keep ``recent`` in sequence order (nearly always an append), and the
        lowest tag each tracked dict's key got from the records since the barrier."""
        recent = self.recent
        if not recent or recent[-1][0] < record[0]:
            recent.append(record)
        else:
            bisect.insort(recent, record, key=_seq)
            self._tagged = 0  # (folded again from the start when next asked)
            self.key_tags.clear()

    def _fold_tags(self) -> dict[Any, dict[Any, Tag]]:
        """:attr:`key_tags`, with the records since it was last asked folded in
        (asked only by a block that noted a key it did not change: a memo's hit)."""
        recent, tracked = self.recent, self.replica.ordered_dicts
        for record in recent[self._tagged :]:
            for token, change in record[4]:
                if change[0] == "D" and len(change) > 4 and token in tracked:
                    self._note_tags(token, change)
        self._tagged = len(recent)
        return self.key_tags

    def _note_tags(self, token: Any, change: tuple[Any, ...]) -> None:
        """The tags a tracked dict's change gives its keys: its new keys', and those
        it set again (the noted order with its one tag, or (key, tag) pairs)."""
        pairs: list[tuple[Any, Tag]] = []
        if change[3]:
            new = change[1][len(change[1]) - change[3] :]
            for (key, value), tag in zip(new, change[4], strict=False):
                pairs.append((key, tag))
                if isinstance(value, dict) and value:
                    # a dict put in with its keys (``tree.setdefault(a, {})[b] = i``):
                    # they came where it did (_new_dicts)
                    inner = self.replica.tokens.get(id(value))
                    if inner is not None:
                        self._lower(inner, [(k, tag) for k in value])
        if len(change) > 6:
            pairs += [(key, change[6]) for key in change[5]]
        elif len(change) > 5:
            pairs += change[5]
        self._lower(token, pairs)

    def _lower(self, token: Any, pairs: list[tuple[Any, Tag]]) -> None:
        lowest = self.key_tags.setdefault(token, {})
        for key, tag in pairs:
            try:
                if key not in lowest or tag < lowest[key]:
                    lowest[key] = tag
            except TypeError:
                pass  # (an unhashable key cannot be in a dict: nothing to note)

    def _check_tests(self, tests: list[tuple[Any, Any]]) -> None:
        """Raise :class:`OmpError` if this block found a key a block of later
        iterations added first, where the path it would have taken without it touches
        more of the dict (keynotes.tested): python's run of this block took that path,
        and set keys this one never touched, in an order omppy cannot know."""
        now = self._now()
        key_tags = self._fold_tags()
        for token, key in tests:
            tag = key_tags.get(token, {}).get(key)
            if tag is not None and tag > now:
                raise OmpError(
                    f"a block of earlier iterations ({location()}) found {key!r} in "
                    f"{self.replica.label_of(token)}, which a block of later iterations "
                    "had added first: python's run of this block would not have found "
                    "it, and would have taken the path that touches more of the dict "
                    "(other keys, or a function that sets them), so the dict's key order "
                    "would differ from python's. Fill the dict before the region, or make "
                    "the blocks run in iteration order ('# omp ordered')"
                )

    def _relevant(self, noted: dict[Any, list[Any]], changes: Changes) -> dict[Any, list[Any]]:
        """The block's noted keys that can change where a key goes: those it changed,
        and those a block of later iterations than this one added or set since the
        barrier (the block comes first in python: its touch puts them).  A key that
        was there at the barrier, or that an earlier iteration put, keeps its place
        whatever this block does: a memo's hit under ``critical`` publishes nothing."""
        now = self._now()
        changed = {token: change for token, change in changes}
        kept: dict[Any, list[Any]] = {}
        for token, keys in noted.items():
            change = changed.get(token)
            own = {key for key, _ in change[1]} if change is not None else set()
            if own.issuperset(keys):
                kept[token] = keys  # (every key it noted, it changed: the usual block)
                continue
            tags = self._fold_tags().get(token, {})
            relevant = [k for k in keys if k in own or (k in tags and tags[k] > now)]
            if relevant:
                kept[token] = relevant
        return kept

    def agreed(self, name: str, value: Any) -> None:
        """Every thread of the team bound the shared ``name`` to ``value`` at the
        barrier just passed (a reduction's result, a lastprivate value): it is now
        the newest value of the name, after every record the barrier covers and
        before any later one (so the region ends with it, not with an older
        publication)."""
        if self.arena is None:
            return
        seq = int(self.arena.words[LOG_MARK]) + 0.5  # the same in every thread
        self.latest[name] = (seq, value)
        self.taken[name] = seq

    def _take_names(self, seq: int, names: dict[str, Any]) -> None:
        for name, value in names.items():
            self.latest[name] = (seq, value)
            self.replica.adopt(value, ("name", seq, name), PUBLISHED_DEPTH, name)

    def publish(
        self,
        kind: str,
        names: dict[str, Any],
        touched: list[Any] | None = None,
        closed: bool = False,
    ) -> int:
        """Hand the team what this thread changed, and the names a block bound.

        ``touched``: the objects the block may have changed in place (what it names,
        seen through the functions it calls); None compares every shared object.
        ``closed``: the block ran no function of the program, so only ``touched`` can
        have changed (not the module namespaces, nor what functions change).
        Returns the record's sequence number (0 when there was nothing to hand).
        """
        if self.arena is None:
            return 0
        if self.replica.net_lengths:
            self.replica.check_net(f"thread {self.num}")
        if touched is None:
            changes = self.replica.changes()
        else:
            changes = self.replica.changes_under(touched, closed)
        return self._append(kind, changes, names)

    def _append(self, kind: str, changes: Changes, names: dict[str, Any]) -> int:
        # The keys a block's statements touched, in order (keynotes.py): a key set
        # again to the same object changes nothing, but has its place all the same.
        noted = keynotes.take() if keynotes.NOTES and kind != "task" else None
        if keynotes.TESTED:
            self._check_tests(keynotes.take_tested())
        if noted:
            noted = self._relevant(noted, changes)
        if noted:
            changed = {token for token, _ in changes}
            changes = [*changes, *((t, _UNCHANGED) for t in noted if t not in changed)]
        if not changes:
            if not names or self.arena is None:
                return 0
            # Only names bound to numbers or strings (``count += 1``): nothing to
            # settle or share, and a plain pickle (all in C) carries the record.
            if ATOMIC.issuperset(map(type, names.values())):
                seen = self.seen
                seq = self._log_append(dump_plain((changes, seen, kind, names)))
                self._remember((seq, self.num, seen, kind, changes, names))
                taken, latest = self.taken, self.latest
                for name, value in names.items():
                    taken[name] = seq
                    latest[name] = (seq, value)
                return seq
        # (a task's record holds what a task or several ran: no one stretch made it)
        changes = self._tag_new_keys(changes, block=kind != "task", noted=noted)
        if (not changes and not names) or self.arena is None:
            return 0
        seen = self.seen
        try:
            payload = self.replica.dump_changes(changes, seen, kind, names)
        except OmpError:
            raise
        except Exception as error:
            if kind == "task":
                raise  # tasks.py runs such a task where it was made
            raise self.replica.cannot_hand(error, changes, (names,)) from None
        seq = self._log_append(payload)
        self.replica.settle(changes, ("record", seq))
        self._remember((seq, self.num, seen, kind, changes, names))
        for name in names:
            self.taken[name] = seq
        self._take_names(seq, names)
        return seq

    def _log_append(self, payload: bytes) -> int:
        """Append a record of this thread's; when no other thread's record came
        between, the cursor moves past it (the record is this thread's own)."""
        assert self.arena is not None
        seq, cursor = self.arena.log_append_after(self.num, payload, self.cursor)
        if cursor is not None:
            # ``_remember`` (by the caller) keeps the record for the checks; the
            # record is not applied here, it is this thread's own already.
            self.cursor = cursor
        return seq

    def order_keys(self) -> None:
        """Put the keys added to the tracked dicts since the last barrier in the order
        of their tags now (after a taskwait: as python's tasks, run at once, added
        them), publishing this thread's own new keys first so that every thread
        orders the same records at the barrier."""
        tracked = self.replica.ordered_dicts
        if not tracked or self.arena is None:
            return
        objects, shadows = self.replica.objects, self.replica.shadows
        own: Changes = []
        for token in tracked:
            shadow = shadows[token]
            known = getattr(shadow, "keys", None)
            if known is not None and len(known) == len(objects[token]):
                continue  # no new key here (comparing a large dict at every wait costs)
            change = shadow.diff(objects[token])
            if change is not None:
                own.append((token, change))
        if own:
            self._append("task", own, {})
        ordered = set(tracked)
        sources = [record[4] for record in self.recent]
        if any(t in ordered and c[0] == "D" and c[3] for s in sources for t, c in s):
            self._order_new_keys(sources)

    def fresh(self, names: tuple[str, ...]) -> dict[str, Any]:
        """The values of ``names`` that other threads bound since this thread took them."""
        found = {}
        for name in names:
            entry = self.latest.get(name)
            if entry is not None and entry[0] > self.taken.get(name, 0):
                self.taken[name] = entry[0]
                found[name] = entry[1]
        return found

    # -- barriers -------------------------------------------------------------------------

    @property
    def changed(self) -> bool:
        """Whether the part :meth:`before_barrier` took last holds changes."""
        return bool(self._own)

    def before_barrier(self, keep: bool = False, last: bool = False) -> Part:
        """This thread's part to hand over at a barrier: its changes, and what it saw.

        ``keep``: the master at the region's end, whose changes are already where
        they belong and go to no one (they are still checked against the others'):
        neither pickled nor settled, as the region's replica ends with it.
        ``last``: a worker's part at the region's end, pickled but not settled: the
        worker exits next (settling would copy every changed list once more).
        """
        replica = self.replica
        if (replica.net_lengths or replica.deep_net) and not keep:  # the master's land
            replica.check_net(f"thread {self.num}", contents=True)
        changes = self._tag_new_keys(self.replica.changes(packed=last, kept=keep))
        if not last:  # a worker's last part is checked by the master only
            self._own = changes
        if keep:
            return None, self.seen
        try:
            if not changes:
                data: bytes | Parcel | None = None
            elif last:
                data = self.replica.dump_last(changes)
            else:
                data = self.replica.dump_changes(changes)
        except OmpError:
            raise
        except Exception as error:
            raise self.replica.cannot_hand(error, changes, ()) from None
        if not last:
            self.replica.settle(changes, ("barrier", self.intervals, self.num))
        return data, self.seen

    def after_barrier(
        self, parts: list[Part], where: str, final: bool = False, skip: bool = False
    ) -> None:
        """Agree again: apply the log, then every other thread's changes.

        ``parts`` are every thread's :meth:`before_barrier` results, in thread order.
        Every thread makes the same checks on the same records (all the records of
        the interval and all the threads' changes), so all raise the same error.
        ``skip``: a worker whose region ends after this barrier (``regionend.py``):
        nothing is read or applied, its objects stay as they are (the master, whose
        objects are the program's, makes the checks and applies everything).
        """
        if self.arena is None:
            return
        # Up to where the barrier's last thread found the log: a faster thread may
        # have added records since, for the next interval.  (At the end of the
        # region every thread is done: the whole log.)
        mark = None if final else int(self.arena.words[LOG_MARK])
        raw, self.cursor = self.arena.log_read(self.cursor, mark)
        if skip:
            self._own = []
            self.recent = []
        if skip or (
            not raw and not self.recent and not self._own and all(p[0] is None for p in parts)
        ):
            # Nobody changed anything since the last agreement (the usual barrier in
            # a loop of blocks that publish nothing), or skipped: only the bookkeeping.
            self.intervals += 1
            self._forget_marks()
            self.arena.words[self.arena.cursor_base + self.num] = self.cursor[2]
            return
        # A thread's changes can only be read once the records it had seen are applied
        # (they may name objects those records introduced).
        pending = {t: part for t, part in enumerate(parts) if t != self.num}
        batches: dict[int, Changes] = {self.num: self._own}
        self._own = []

        def read_batches(upto: int) -> None:
            for t in [t for t, (_, seen) in pending.items() if seen < upto]:
                data, _ = pending.pop(t)
                batches[t] = self.replica.load_changes(data)[0] if data else []

        if raw and final:
            # The master's own last part reads its runs off the live list
            # (masked.Stretch); records applied below would show through them.
            batches[self.num] = [(t, masked.copied(c)) for t, c in batches[self.num]]
        records = list(self.recent)
        for seq, thread, payload in raw:
            read_batches(seq)
            changes, seen, kind, names = self.replica.load_changes(payload)
            record: Record = (seq, thread, seen, kind, changes, names)
            records.append(record)
            if thread != self.num:
                self.replica.apply(changes, ("record", seq))
                self._take_names(seq, names)
        read_batches(sys.maxsize)
        records.sort(key=lambda r: r[0])
        _check_concurrent_records(records, self.replica, where)
        for record in records:  # a record against changes made without seeing it
            for t, changes_t in batches.items():
                if changes_t and t != record[1] and parts[t][1] < record[0]:
                    conflict.check(
                        [(_who(record), record[4]), (f"thread {t}", changes_t)],
                        self.replica,
                        where,
                    )
        conflict.check(
            [(f"thread {t}", batches[t]) for t in sorted(batches) if batches[t]],
            self.replica,
            where,
        )
        for t in sorted(batches):
            if t != self.num and batches[t]:
                self.replica.apply(batches[t], ("barrier", self.intervals, t), last=final)
        self.intervals += 1
        self._order_new_keys(
            [r[4] for r in records] + [batches[t] for t in sorted(batches)],
            [_who(r) for r in records],
            where,
        )
        self.recent = []
        self._forget_marks()
        self.arena.words[self.arena.cursor_base + self.num] = self.cursor[2]

    def _order_new_keys(
        self, sources: list[Changes], blocks: list[str] | None = None, where: str = ""
    ) -> None:
        """Put keys that several sources added to one dict in one order everywhere.

        Each process added its own keys first and the others' when it received them,
        so their orders differ; a later loop over the dict would then hand different
        items to the same position, and the dict would print in another order than
        with python.  The agreed order is the order of the iterations that added the
        keys (each key is tagged with its loop and chunk, see :meth:`mark`): the
        order a sequential run adds them in.  Keys with no tag (a dict not tracked)
        follow in source order: the log's records, then the threads in thread order.

        ``blocks`` (at a barrier, where every process has the same sources): who made
        each record, the first sources; a key order that would come from a block's
        keys set again in an order nothing noted is then an error
        (:func:`_check_known_order`).
        """
        inserted: dict[Any, list[tuple[Tag, int, int, Any]]] = {}
        # A dict whose keys a block moved (``move_to_end``, ``pop`` and set again: an
        # LRU) keeps the order the log gave it, the same in every process: putting its
        # new keys in iteration order would undo the moves.
        moved = {
            token
            for changes in sources
            for token, change in changes
            if change[0] == "D" and change[2] and _moves_keys(change)
        }
        # A key another block set in an earlier stretch of iterations than the one
        # that added it: python would have added it there (_tag_new_keys, ``block``).
        earliest: dict[Any, dict[Any, tuple[Tag, int, int]]] = {}
        noted: set[tuple[int, Any]] = set()  # (source, dict) whose order was noted
        created: list[tuple[Any, Tag, int]] = []
        for number, changes in enumerate(sources):
            for token, change in changes:
                if token in moved:
                    continue
                if change[0] == "D" and len(change) > 5:
                    lowest = earliest.setdefault(token, {})
                    if len(change) > 6:  # every key the block touched, in order, one tag
                        noted.add((number, token))
                        pairs: Any = ((key, change[6]) for key in change[5])
                    else:
                        pairs = change[5]
                    for place, (key, tag) in enumerate(pairs):
                        here = (tag, number, place)
                        if key not in lowest or here < lowest[key]:
                            lowest[key] = here
                if change[0] == "D" and change[3]:
                    keys = [key for key, _ in change[1][len(change[1]) - change[3] :]]
                    tags = change[4] if len(change) > 4 else [UNTAGGED] * len(keys)
                    # (the block's noted order: a new key's place among all it touched)
                    places = {}
                    if len(change) > 6:
                        places = {k: i for i, k in enumerate(change[5])}
                    entries = inserted.setdefault(token, [])
                    for place, (key, tag) in enumerate(zip(keys, tags, strict=True)):
                        entries.append((tag, number, places.get(key, place), key))
                    created.extend(self._new_dicts(change, tags, number))
        for token, tag, number in created:
            # The keys a dict had when a block put it into a tracked dict: all those
            # no change since added (it is new since the barrier).
            later = {key for *_, key in inserted.get(token, ())}
            first_keys = [key for key in self.replica.objects[token] if key not in later]
            entries = inserted.setdefault(token, [])
            entries.extend((tag, number, place, key) for place, key in enumerate(first_keys))
        for token in moved:
            self._order_moved(token, sources)
        for token, entries in inserted.items():
            if blocks is not None:
                _check_spread(token, entries, self.replica, where)
            # Even one source: a thread runs the tasks it kept newest first.
            live = self.replica.objects[token]
            first = earliest.get(token)
            if first:
                if blocks is not None:
                    _check_known_order(token, entries, first, noted, self.replica, blocks, where)
                entries = [
                    (*min((tag, number, place), first.get(key, (tag, number, place))), key)
                    for tag, number, place, key in entries
                ]
            entries.sort(key=lambda entry: entry[:3])
            agreed = list(dict.fromkeys(key for *_, key in entries))
            new = set(agreed)
            want = [k for k in live if k not in new] + [k for k in agreed if k in live]
            if want != list(live):
                reorder(live, want)
                self.replica.shadows[token].retake(live)

    def _order_moved(self, token: Any, sources: list[Changes]) -> None:
        """A dict whose keys blocks moved (``d[w] = d.pop(w, 0) + 1``, ``del d[w]``
        then ``d[w] = v``): python has each key a block put at the end where the
        last such block, in iteration order, put it.  Known only when every block
        that changed the dict noted the order it touched its keys in (keynotes.py);
        otherwise (``move_to_end``, which no note names) the order the log gave it
        stays, the same in every process."""
        last: dict[Any, tuple[Tag, int, int]] = {}
        for number, changes in enumerate(sources):
            for each, change in changes:
                if each != token or change[0] != "D":
                    continue
                if len(change) < 7:
                    if change[1] or change[2]:
                        return  # (a change whose order nothing noted)
                    continue
                updated = len(change[1]) - change[3]
                moved_here = set(change[2]) & {key for key, _ in change[1][:updated]}
                appended = moved_here | {key for key, _ in change[1][updated:]}
                for place, key in enumerate(change[5]):
                    if key in appended:
                        here = (change[6], number, place)
                        if key not in last or last[key] < here:
                            last[key] = here
        if not last:
            return
        live = self.replica.objects[token]
        ends = sorted((key for key in last if key in live), key=last.__getitem__)
        want = [key for key in live if key not in last] + ends
        if want != list(live):
            reorder(live, want)
            self.replica.shadows[token].retake(live)

    def _new_dicts(
        self, change: tuple[Any, ...], tags: list[Tag], number: int
    ) -> Iterator[tuple[Any, Tag, int]]:
        """The tracked dicts a dict ``change`` put in as new keys' values
        (``tree.setdefault(a, {})[b] = i``), with their keys' tags: the keys such a
        dict came with were added where it was, so a key another thread's block of
        earlier iterations adds to it later goes before them, as in python."""
        replica = self.replica
        start = len(change[1]) - change[3]
        for (_, value), tag in zip(change[1][start:], tags, strict=True):
            if isinstance(value, dict) and value:
                token = replica.tokens.get(id(value))
                if token is not None and token in replica.ordered_dicts:
                    yield token, tag, number

    _own: Changes = []


def _check_spread(
    token: Any, entries: list[tuple[Tag, int, int, Any]], replica: Replica, where: str
) -> None:
    """Raise :class:`OmpError` if threads added keys to a dict no one tracks (one held
    in a list, or deeper than omppy orders keys) and one of them did so over several
    stretches of iterations (chunks, tasks): which key came from which iteration is
    unknown, so the keys cannot be put in python's order.  Every process checks the
    same sources at a barrier, so every one raises the same error."""
    if not any(tag == SPREAD for tag, *_ in entries):
        return
    sources = {number for _, number, _, _ in entries}
    if len(sources) < 2:
        return
    keys = [key for *_, key in entries][:2]
    raise OmpError(
        f"several threads added keys to {replica.label_of(token)} ({keys[0]!r} and "
        f"{keys[1]!r} among them), {where}, and at least one of them over several chunks "
        "of iterations: omppy does not follow which iteration added which key to a dict "
        "held there, so the dict's key order could differ from python's. Give the loop "
        "schedule(static) with no chunk size (each thread then adds its keys in one "
        "stretch), add the keys under '# omp critical', or keep the dict in a shared "
        "name or a module global (whose keys omppy orders)"
    )


def _check_known_order(
    token: Any,
    entries: list[tuple[Tag, int, int, Any]],
    again: dict[Any, tuple[Tag, int, int]],
    noted: set[tuple[int, Any]],
    replica: Replica,
    blocks: list[str],
    where: str,
) -> None:
    """Raise :class:`OmpError` if new keys of one dict would take their order from
    the order of a block's diff rather than from what omppy knows.

    A key takes its place from a block that set it again (``again``, the earliest)
    when that block ran earlier iterations than the one that added it: python added
    it there.  The block's notes (keynotes.py) give the order it set its keys in; a
    block whose notes did not name them all (a helper function's stores, an
    ``update`` from a generator) leaves two such keys, or one and a key the block
    added, in an order omppy cannot know.  Every process checks the same sources at
    a barrier, so every one raises the same error.
    """
    won: dict[Any, tuple[Tag, int, int, bool]] = {}
    for tag, number, place, key in entries:
        here = (tag, number, place, False)
        best = won.get(key)
        if best is None or here < best:
            won[key] = here
    for key, best in won.items():
        other = again.get(key)
        if other is not None and other < best[:3]:
            won[key] = (*other, True)
    groups: dict[tuple[Tag, int], list[tuple[int, bool, Any]]] = {}
    for key, (tag, number, place, set_again) in won.items():
        groups.setdefault((tag, number), []).append((place, set_again, key))
    for (_, number), keys in groups.items():
        if (number, token) in noted:
            continue
        if len(keys) < 2 or not any(set_again for _, set_again, _ in keys):
            continue
        named = sorted(keys, key=lambda entry: (not entry[1], entry[0]))[:2]
        who = blocks[number] if number < len(blocks) else f"thread {number - len(blocks)}"
        raise OmpError(
            f"{who} set keys of {replica.label_of(token)} ({named[0][2]!r} and "
            f"{named[1][2]!r}) that a block of later iterations had added first, {where}: "
            "python has them in the order this earlier block set them, which omppy "
            "cannot know here (the block set them in a called function, or merged an "
            "iterable it could not read twice), so the dict's key order would differ "
            "from python's. Set the keys in the block itself (`d[k] = ...`, "
            "`d.update(part)` with a dict or list `part`), or collect each chunk's "
            "results in a list indexed by the loop variable and merge them in order "
            "after the loop"
        )


# A tracked dict whose keys a block touched without changing a value (``seen[k] =
# True`` again): an empty change that carries the keys' order alone.
_UNCHANGED: tuple[Any, ...] = ("D", [], [], 0)


def _covers(order: list[Any], change: tuple[Any, ...], shadow: Any = None) -> bool:
    """Whether the noted keys ``order`` name every key a dict ``change`` sets.

    ``shadow`` (a change that moves keys): the dict as it was; a diff that moves keys
    sets again every key after the first one moved, to give the order, so a key set
    again to the very object it held is the diff's, not the block's."""
    try:
        noted = set(order)
        if shadow is None:
            return len(order) >= len(change[1]) and all(key in noted for key, _ in change[1])
        before = dict(zip(shadow.keys, shadow.values, strict=True))
        return all(
            key in noted or before.get(key, noted) is value for key, value in change[1]
        )
    except (TypeError, AttributeError):
        return False


def _moves_keys(change: tuple[Any, ...]) -> bool:
    """Whether a dict change deletes a key and sets it again (a move, shadow.py)."""
    try:
        return not set(change[2]).isdisjoint(key for key, _ in change[1])
    except TypeError:
        return True  # unhashable keys cannot be in a dict: assume the worst


def reorder(live: dict[Any, Any], keys: list[Any]) -> None:
    """Re-insert a dict's items in the order of ``keys`` (all of its keys)."""
    items = [(key, live[key]) for key in keys]
    setitem, _ = dict_methods(live)
    type(live).clear(live) if type(live).__module__ == "collections" else dict.clear(live)
    for key, value in items:
        setitem(live, key, value)


def _seq(record: Record) -> int:
    return record[0]


def _who(record: Record) -> str:
    return f"'# omp {record[3]}' in thread {record[1]}"


def _check_concurrent_records(records: list[Record], replica: Replica, where: str) -> None:
    """Every pair of ``records`` (sorted by sequence number) made concurrently.

    Blocks under one lock see each other (each applies the log when it takes the
    lock), so only blocks under different locks, or ``master`` and ``single``
    blocks, can be concurrent: the window of records to look at is short.
    """
    for index in range(1, len(records)):
        later = records[index]
        for back in range(index - 1, -1, -1):
            earlier = records[back]
            if earlier[0] <= later[2]:
                break  # seen by the later record's thread, and so are all before it
            _check_if_concurrent(earlier, later, replica, where)


def _check_if_concurrent(a: Record, b: Record, replica: Replica, where: str) -> None:
    """Two records of different threads, the later made without seeing the earlier."""
    earlier, later = (a, b) if a[0] < b[0] else (b, a)
    if earlier[1] == later[1] or later[2] >= earlier[0]:
        return
    conflict.check([(_who(earlier), earlier[4]), (_who(later), later[4])], replica, where)


__all__ = ["Coherence", "OmpError"]
