"""``taskgroup`` and task reductions (``task_reduction``, ``in_reduction``).

A taskgroup waits, when it ends, for every task created inside it *and their
descendants*: each deferred task counts in one group, the innermost group open in
its creating task (or, when that task opened none, the group the creating task
itself belongs to), and a group's counter in the team's task table
(``taskpool.py``) drops as its tasks complete, wherever they run.  A group nested in
a task ends before that task does, so counting each task once is enough.

``task_reduction(op: x)`` gives the group a reduction; a task with
``in_reduction(op: x)`` in the group (or in a group nested in it, or created by one
of its tasks) starts its ``x`` from the operator's identity, and when it ends its
value is added to the group's list of partial results, in the task table's heap
(``GroupRef`` ``(index, id)``) or, in a team of one, in the :class:`TaskGroup`
itself.  When the group ends, the partials are combined into the original value in
the order their tasks were created, as a reduction of a loop combines in thread
order.

``cancel taskgroup`` (``cancel.py`` raises and catches) marks the group that the
cancelling task belongs to: ``G_CANCELLED`` in the task table, or
:attr:`TaskGroup.cancelled` in a team of one.  A task of that group, or of a group
nested in it (a descendant's), that has not started is *discarded* when a thread
would start it or create it (:func:`cancelled`): it never runs, and counts as
complete for ``taskwait`` and the group's end.
"""

from __future__ import annotations

import copy
import pickle
from typing import TYPE_CHECKING, Any, Union

from . import taskpool as tp
from .errors import OmpError
from .reduction import combine, identity
from .taskcore import newest
from .taskspec import no_task_reduction

if TYPE_CHECKING:
    from .taskcore import TaskStateCore
    from .taskframes import Frame
    from .taskstate import TaskState

# A taskgroup: (index, id) in the team's task table, or the group itself (no team).
GroupRef = Union[tuple[int, int], "TaskGroup"]


class TaskGroup:
    """One execution of a ``taskgroup`` construct by the thread that runs it."""

    def __init__(
        self,
        state: TaskState,
        reduction: dict[str, tuple[str, Any]],
        fresh: tuple[str, ...] = (),
    ) -> None:
        self.state = state
        self.fresh = fresh  # names to take as newly published (see tasks.taskwait)
        self.frame = state.frames[-1]
        self.reduction = reduction
        self.spec = {name: (op, identity(op, value)) for name, (op, value) in reduction.items()}
        self.parent = self.frame.current_group()
        self.partials: list[tuple[int, dict[str, Any]]] = []
        self.ref: GroupRef = self
        self.cancelled = False  # by 'cancel taskgroup' (in a team of one; see cancel())
        pool = state.pool
        if pool is not None:
            spec = pickle.dumps(self.spec, protocol=pickle.HIGHEST_PROTOCOL) if self.spec else b""
            parent = self.parent if isinstance(self.parent, tuple) else None
            state.lock()
            try:
                index, group_id = pool.alloc_group(parent, state.thread.num)
                if spec:
                    base = pool.group(index)
                    pool.words[base + tp.G_SPEC] = pool.store(spec)
                    pool.words[base + tp.G_SPEC_LEN] = len(spec)
            except tp.PoolFull:
                raise OmpError(
                    f"more than {tp.GROUPS} taskgroups are open at once in this team; "
                    "omppy's task table has no room for another"
                ) from None
            finally:
                state.unlock()
            self.ref = (index, group_id)
        self.frame.groups.append(self)

    def end(self, scope: dict[str, Any]) -> dict[str, Any]:
        """Wait for the group's tasks; returns the reductions' results (combined into
        the names' values in ``scope``) and the ``shared`` values of the children
        the group's task created."""
        state, frame = self.state, self.frame
        pool = state.pool
        if frame.groups and frame.groups[-1] is self:
            frame.groups.pop()
        elif self in frame.groups:
            frame.groups.remove(self)
        values: dict[str, Any] = {}
        if pool is not None and isinstance(self.ref, tuple):
            words = pool.words
            count = pool.group(self.ref[0]) + tp.G_COUNT
            try:
                state.wait_until(lambda: words[count] == 0)
                values = state.collect(frame, done_only=True)
            finally:
                self.partials.extend(self._shared_partials())
                state.lock()
                try:
                    pool.free_group(self.ref[0])
                finally:
                    state.unlock()
        values.update(newest(state.thread, self.fresh))
        for name, (op, original) in self.reduction.items():
            start = scope.get(name, original)
            partials = [p[name] for _, p in sorted(self.partials, key=_first) if name in p]
            values[name] = combine(op, start, partials)
        return values

    def _shared_partials(self) -> list[tuple[int, dict[str, Any]]]:
        state = self.state
        pool, coder = state.pool, state.coder
        assert pool is not None and coder is not None and isinstance(self.ref, tuple)
        node = int(pool.words[pool.group(self.ref[0]) + tp.G_PARTIALS])
        found = []
        while node:
            header = pool.read(node, 3 * tp.WORD)
            following, order, length = (
                int.from_bytes(header[i : i + tp.WORD], "little") for i in (0, 8, 16)
            )
            found.append((order, coder.loads(pool.read(node + 3 * tp.WORD, length))))
            node = following
        return found


def _first(item: tuple[int, dict[str, Any]]) -> int:
    return item[0]


# -- in_reduction ---------------------------------------------------------------------------


def _spec_of(
    state: TaskStateCore, ref: GroupRef
) -> tuple[dict[str, tuple[str, Any]], GroupRef | None]:
    """A group's reductions and its parent group."""
    if isinstance(ref, TaskGroup):
        return ref.spec, ref.parent
    pool = state.pool
    assert pool is not None
    words = pool.words
    base = pool.group(ref[0])
    if words[base + tp.G_ID] != ref[1]:
        return {}, None
    parent: GroupRef | None = None
    if words[base + tp.G_PARENT]:
        parent = (int(words[base + tp.G_PARENT]) - 1, int(words[base + tp.G_PARENT_ID]))
    spec = {}
    if words[base + tp.G_SPEC]:
        spec = pickle.loads(
            pool.read(int(words[base + tp.G_SPEC]), int(words[base + tp.G_SPEC_LEN]))
        )
    return spec, parent


def reduction_copies(
    state: TaskStateCore, frame: Frame, args: dict[str, Any], in_reduction: dict[str, str]
) -> dict[str, Any]:
    """The task's arguments with each ``in_reduction`` name starting from its
    group's identity; ``frame.targets`` records the group of each."""
    args = dict(args)
    for name, op in in_reduction.items():
        ref = frame.group
        while ref is not None:
            spec, parent = _spec_of(state, ref)
            if name in spec and spec[name][0] == op:
                args[name] = copy.deepcopy(spec[name][1])
                frame.targets[name] = ref
                break
            ref = parent
        else:
            raise OmpError(no_task_reduction(op, name))
    return args


def contribute(state: TaskStateCore, frame: Frame, values: dict[str, Any]) -> None:
    """Hand the task's ``in_reduction`` values to their groups."""
    by_group: dict[Any, tuple[GroupRef, dict[str, Any]]] = {}
    for name, ref in frame.targets.items():
        if name in values:
            key = id(ref) if isinstance(ref, TaskGroup) else ref
            by_group.setdefault(key, (ref, {}))[1][name] = values[name]
    for ref, partial in by_group.values():
        if isinstance(ref, TaskGroup):
            ref.partials.append((frame.order, partial))
            continue
        pool, coder = state.pool, state.coder
        assert pool is not None and coder is not None
        data = coder.dumps(partial)
        state.lock()
        try:
            words = pool.words
            base = pool.group(ref[0])
            if words[base + tp.G_ID] != ref[1]:
                continue
            node = pool.alloc_block(3 * tp.WORD + len(data))
            header = b"".join(
                int(v).to_bytes(tp.WORD, "little")
                for v in (words[base + tp.G_PARTIALS], frame.order, len(data))
            )
            pool.write(node, header + data)
            words[base + tp.G_PARTIALS] = node
        finally:
            state.unlock()


# -- cancel taskgroup -------------------------------------------------------------------


def cancelled(state: TaskStateCore, ref: GroupRef | None) -> bool:
    """Whether a task of group ``ref`` is to stop (or never start): ``ref``, or a
    group it is nested in, was cancelled."""
    if ref is None:
        return False
    pool = state.pool
    if pool is not None and not pool.words[tp.CANCELLED_GROUPS]:
        return False  # the common case: one word read
    while ref is not None:
        if isinstance(ref, TaskGroup):
            if ref.cancelled:
                return True
            ref = ref.parent
            continue
        assert pool is not None
        words = pool.words
        base = pool.group(ref[0])
        if words[base + tp.G_ID] != ref[1]:
            return False  # ended: nothing of it is still to run
        if words[base + tp.G_CANCELLED]:
            return True
        if not words[base + tp.G_PARENT]:
            return False
        ref = (int(words[base + tp.G_PARENT]) - 1, int(words[base + tp.G_PARENT_ID]))
    return False


def cancel(state: TaskStateCore, ref: GroupRef) -> None:
    """``cancel taskgroup``: mark group ``ref`` cancelled for the whole team."""
    if isinstance(ref, TaskGroup):
        ref.cancelled = True
        return
    pool = state.pool
    assert pool is not None
    state.lock()
    try:
        pool.cancel_group(*ref)
    finally:
        state.unlock()
