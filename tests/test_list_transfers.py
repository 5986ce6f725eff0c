"""A long list's changes carried to another process and taken by the sender's shadow
(runtime/shadow.py ``ListShadow.apply``/``settle``, session 8): a dense masked change is
put once and copied into the shadow as a slice, a few runs settle without copying the
whole list; every kind of value (floats, mixed types, objects), receivers holding
their own unpublished changes, sorted slices and lengths that change.  And the
hand-over decision that keeps a task whose data would cost more to move than to sort
(runtime/taskcore.py ``worth_handing``)."""

from __future__ import annotations

import operator
import pickle
import random
from types import SimpleNamespace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from omppy.runtime import layout, masked, packing, taskpool, wire
from omppy.runtime.replica import Replica
from omppy.runtime.shadow import ListShadow
from omppy.runtime.taskcore import TRANSFER_FACTOR, TaskStateCore


class Point:
    def __init__(self, x: int) -> None:
        self.x = x


def _values(kind: str, n: int, rng: random.Random, atomic: bool = False) -> list:
    if kind == "floats":
        return [rng.random() for _ in range(n)]
    if kind == "objects":
        return [Point(k) for k in range(n)]
    choices = (
        lambda: rng.randrange(10**9),
        lambda: rng.random(),
        lambda: f"s{rng.randrange(10**6)}",
        lambda: None,
        lambda: rng.random() if atomic else (rng.random(), 1),
        lambda: b"x" * rng.randrange(3),
        lambda: True,
    )
    return [rng.choice(choices)() for _ in range(n)]


def _travelled(change: tuple) -> tuple:
    """``change`` as another process receives it: packed and pickled when it puts only
    numbers and strings (wire.py), else as it is (objects go by token, the same ones)."""
    packed = wire._packed(change)
    if packed is change:
        return change
    return wire._unpacked(pickle.loads(pickle.dumps(packed)))


SIZES = [300, layout._LONG + 500]  # pointers kept as bytes / compared in place


@settings(max_examples=30, deadline=None)
@given(
    kind=st.sampled_from(["floats", "mixed", "objects"]),
    size=st.sampled_from(SIZES),
    edit=st.sampled_from(["partition", "sparse", "sorted slice", "grow", "shrink"]),
    own=st.sampled_from([0, 1, 200]),
    seed=st.integers(0, 10**6),
)
def test_a_change_reaches_another_copy_which_keeps_its_own_changes(kind, size, edit, own, seed):
    rng = random.Random(seed)
    base = _values(kind, size, rng)
    sender, receiver = list(base), list(base)
    sent, held = ListShadow(sender), ListShadow(receiver)
    if edit == "partition":  # swaps all over the list: a masked run, dense
        for _ in range(size // 3):
            i, j = rng.randrange(size), rng.randrange(size)
            sender[i], sender[j] = sender[j], sender[i]
    elif edit == "sparse":  # more runs than MANY_RUNS, few items of a long stretch
        for i in range(0, size, max(1, size // 100)):
            sender[i] = _values(kind, 1, rng)[0]
    elif edit == "sorted slice":
        lo, hi = size // 4, size // 2
        part = sorted(sender[lo:hi], key=id)
        if all(map(operator.is_, part, sender[lo:hi])):
            part.reverse()  # already in address order (objects made in a row): a change still
        sender[lo:hi] = part
    elif edit == "grow":
        sender[size // 3 : size // 3] = _values(kind, 50, rng)
    else:
        del sender[size // 5 : size // 2]
    change = sent.diff(sender)
    assert change is not None
    changed = set()
    if change[0] in ("L", "M"):
        runs = change[1] if change[0] == "L" else masked.runs(change)
        changed = {start + k for start, values in runs for k in range(len(values))}
    # The receiver's own changes, not published yet, where the sender changed nothing
    # (a length change from elsewhere with changes of its own would be a race).
    mine = {}
    if change[0] != "S":
        free = [i for i in range(size) if i not in changed]
        for i in rng.sample(free, min(own, len(free))):
            mine[i] = receiver[i] = Point(-i) if kind == "objects" else float(f"-{i}.25")
    held.apply(receiver, _travelled(change))
    if change[0] == "S":
        assert receiver == sender or kind == "objects"
        assert len(receiver) == len(sender) == len(held.items)
    else:
        for i in range(size):
            if i in mine:
                assert receiver[i] is mine[i] and held.items[i] is base[i]
            elif i in changed:
                assert receiver[i] is held.items[i]
                if kind == "objects":
                    assert receiver[i] is sender[i]
                else:
                    assert receiver[i] == sender[i] and type(receiver[i]) is type(sender[i])
            else:
                assert receiver[i] is base[i] and held.items[i] is base[i]
    # The receiver still finds its own changes, and only those.
    left = held.diff(receiver)
    if not mine:
        assert left is None
    else:
        runs = left[1] if left[0] == "L" else masked.runs(left)
        assert {start + k for start, values in runs for k in range(len(values))} == set(mine)
    # The sender's shadow takes its own change: nothing left to hand, the same objects.
    sent.settle(sender, change)
    assert sent.diff(sender) is None
    assert len(sent.items) == len(sender)
    assert all(a is b for a, b in zip(sent.items, sender, strict=True))


def test_a_dense_masked_change_is_put_once_then_copied_as_a_slice(monkeypatch):
    # A partition's swaps of a million floats were put item by item twice: into the
    # list, then into its shadow (each a Python step per item).
    rng = random.Random(3)
    base = [rng.random() for _ in range(20_000)]
    sender = list(base)
    for i in range(0, 20_000, 2):
        sender[i] = -sender[i]
    change = ListShadow(base).diff(sender)
    assert change[0] == "M"
    receiver = list(base)
    shadow = ListShadow(receiver)
    puts = []
    real = masked.apply
    monkeypatch.setattr(masked, "apply", lambda target, c: (puts.append(1), real(target, c)))
    shadow.apply(receiver, change)
    assert len(puts) == 1
    assert receiver == sender and all(a is b for a, b in zip(shadow.items, receiver, strict=True))
    assert shadow.diff(receiver) is None


def test_a_dense_change_onto_the_receiver_s_own_changes_is_put_item_by_item(monkeypatch):
    base = [float(k) for k in range(20_000)]
    sender, receiver = list(base), list(base)
    for i in range(0, 20_000, 2):
        sender[i] = -sender[i]
    shadow = ListShadow(receiver)
    receiver[5] = "mine"  # in the stretch the change covers, not published yet
    change = ListShadow(base).diff(sender)
    puts = []
    real = masked.apply
    monkeypatch.setattr(masked, "apply", lambda target, c: (puts.append(1), real(target, c)))
    shadow.apply(receiver, change)
    assert len(puts) == 2  # the list and the shadow apart: the shadow must not take "mine"
    assert receiver[5] == "mine" and shadow.items[5] == 5.0
    assert shadow.diff(receiver) == ("L", [(5, ["mine"])])


class Real(float):
    pass


def _partitioned(base: list, rng: random.Random) -> list:
    sender = list(base)
    for _ in range(len(base) // 2):
        i, j = rng.randrange(len(base)), rng.randrange(len(base))
        sender[i], sender[j] = sender[j], sender[i]
    return sender


@pytest.mark.parametrize("kind", ["floats", "odd values"])
def test_a_dense_change_to_a_list_with_no_own_changes_gives_the_shadow_a_new_copy(kind):
    # A worker given a partitioned million floats wrote the change into its shadow's
    # copy made before the fork: a copy-on-write fault per page (2,000 pages), where a
    # new copy's pages are only zero-filled (s9-tasks: 64 -> 52 ms in a forked child).
    rng = random.Random(7)
    if kind == "floats":
        base = [rng.random() for _ in range(layout._LONG + 4_000)]
    else:  # what packing.py cannot carry as words: each travels as itself
        odd = [float("nan"), -0.0, 0.0, Real(2.5), 10**40, -(2**63), 2**63, True, None, Point(1)]
        base = [odd[k % len(odd)] if k % 3 else rng.random() for k in range(layout._LONG + 4_000)]
    sender = _partitioned(base, rng)
    change = ListShadow(list(base)).diff(sender)
    assert change[0] == "M" and masked.runs(change)
    receiver = list(base)
    shadow = ListShadow(receiver)
    before = shadow.items
    shadow.apply(receiver, _travelled(change))
    assert shadow.items is not before  # a new copy, not written into
    assert all(a is b for a, b in zip(shadow.items, receiver, strict=True))
    for got, sent in zip(receiver, sender, strict=True):
        assert type(got) is type(sent)
        assert got is sent or got == sent or (got != got and sent != sent)  # NaN
        if type(sent) is float and sent == 0.0:
            assert str(got) == str(sent)  # -0.0 stays -0.0
    assert shadow.diff(receiver) is None


def test_a_dense_change_keeps_the_receiver_s_own_changes_outside_its_stretch():
    # The new copy is taken only when the list holds none of this thread's own changes
    # anywhere: one beside the change's stretch must still be found and published.
    rng = random.Random(8)
    base = [rng.random() for _ in range(layout._LONG + 4_000)]
    sender = list(base)
    for i in range(100, len(base) - 100, 2):
        sender[i] = -sender[i]
    change = ListShadow(list(base)).diff(sender)
    assert change[0] == "M" and change[1] >= 100
    receiver = list(base)
    shadow = ListShadow(receiver)
    receiver[3] = receiver[-3] = "mine"  # outside the stretch, not published yet
    shadow.apply(receiver, _travelled(change))
    assert receiver[100] == sender[100] and receiver[3] == receiver[-3] == "mine"
    assert shadow.items[3] is base[3] and shadow.items[-3] is base[-3]
    left = shadow.diff(receiver)
    assert left == ("L", [(3, ["mine"]), (len(base) - 3, ["mine"])])


def test_settling_a_sorted_half_copies_the_half_not_the_list(monkeypatch):
    # A task that sorted half of a million floats published them; its shadow took the
    # whole list again (a copy of a million pointers, the old copy freed).
    replica = Replica()
    values = [float(k % 977) for k in range(30_000)]
    replica.watch_root(values, 1, "values")
    values[:15_000] = sorted(values[:15_000])
    changes = replica.changes()
    assert [c[0] for _, c in changes] == ["L"]
    monkeypatch.setattr(ListShadow, "retake", lambda self, live: pytest.fail("retaken"))
    replica.settle(changes, ("record", 1))
    assert replica.changes() == []


def test_a_length_change_settles_by_taking_the_list_again():
    replica = Replica()
    values = [1.5] * 20_000
    replica.watch_root(values, 1, "values")
    values.append(2.5)
    changes = replica.changes()
    assert changes[0][1][0] == "S"
    replica.settle(changes, ("record", 1))
    assert replica.changes() == []
    values[7] = 3.5
    assert [c for _, c in replica.changes()] == [("L", [(7, [3.5])])]


# -- the hand-over decision -------------------------------------------------------------


def _state(durations: dict, send_us: int, take_us: int) -> TaskStateCore:
    state = TaskStateCore.__new__(TaskStateCore)
    words = [0] * 32
    words[taskpool.SEND_US], words[taskpool.TAKE_US] = send_us, take_us
    state.pool = SimpleNamespace(words=words, recorded=lambda key: None)
    state.durations = {(_task_body.__code__, depth): s for depth, s in durations.items()}
    state.handoff_cost, state.handoffs = 0.0, 0
    return state


def _task_body() -> None:
    pass


def _kept(depth: int) -> SimpleNamespace:
    return SimpleNamespace(function=_task_body, depth=depth)


def test_a_task_goes_to_an_idle_thread_when_it_takes_longer_than_moving_its_data():
    # Moving a quarter of a million floats there and back (publication, catch-up) cost
    # more than sorting them: the late thread's last quarters went to the idle one.
    moving = 0.08  # seconds: 30 ms published + 50 ms caught up
    slow = _state({2: 0.1}, 30_000, 50_000)
    assert TRANSFER_FACTOR * moving > 0.1
    assert not slow.worth_handing(_kept(2))
    assert _state({2: 0.1}, 300, 200).worth_handing(_kept(2))  # Fibonacci's hand-overs
    # Not measured at its depth: its own tasks' time bounds it from below.
    assert not _state({3: 0.05}, 30_000, 50_000).worth_handing(_kept(2))
    assert _state({3: 0.5}, 30_000, 50_000).worth_handing(_kept(2))
    # Nothing known: handed over (the first quicksort half).
    assert _state({}, 30_000, 50_000).worth_handing(_kept(1))
    assert _state({}, 0, 0).worth_handing(_kept(1))


def test_a_thread_that_has_not_run_a_task_s_kind_goes_by_another_thread_s_time():
    # The quicksort's worker kept its half's two quarters; the master, done with its
    # own half, went idle, and the worker (nothing measured at a quarter's depth in
    # its process: "hand it over") handed it a quarter: 60 ms published and 90 ms
    # caught up, then the sorted quarter back, for a 100 ms sort.
    pool = taskpool.TaskPool(2, 1 << 16)
    try:
        pool.reset()
        pool.words[taskpool.SEND_US], pool.words[taskpool.TAKE_US] = 60_000, 90_000
        master, worker = _state({}, 0, 0), _state({}, 0, 0)
        master.pool = worker.pool = pool
        master.measure(_task_body, 2, 0.1)  # the master's quarters took 100 ms
        assert worker.measured(_task_body, 2) == pytest.approx(0.1)
        assert not worker.worth_handing(_kept(2))
        assert worker.worth_handing(_kept(7))  # nothing known at depth 7 or 8: handed
        # Its own measurement comes first.
        worker.measure(_task_body, 2, 0.5)
        assert worker.worth_handing(_kept(2))
        assert master.measured(_task_body, 2) == pytest.approx(0.1)
        # Short tasks are not told to the team (a cut-off's tasks cost nothing more).
        master.measure(_task_body, 5, 1e-5)
        assert worker.measured(_task_body, 5) is None
        # Another code or depth finds no entry of its own.
        assert worker.measured(_state, 2) is None
        assert worker.measured(_task_body, 3) is None
    finally:
        pool.close()


def test_the_team_s_moving_costs_are_running_averages_in_the_table():
    state = _state({}, 0, 0)
    state.handoff_cost = 0.0
    state.handed_in(0.5, 0.010)  # CPU time: a preempted hand-over is not a long one
    assert state.pool.words[taskpool.SEND_US] == 10_000
    assert state.handoff_cost == 0.125  # this thread's own average stays wall time
    state.handed_in(0.002, 0.002)
    assert state.pool.words[taskpool.SEND_US] == 8_000
    state.handed_in(1.0, 1.0)  # counts at most four times the average
    assert state.pool.words[taskpool.SEND_US] == 8_000 + (32_000 - 8_000) // 4
    state.caught_up(0.004)
    assert state.pool.words[taskpool.TAKE_US] == 4_000


# -- long changes packed a chunk at a time ------------------------------------------------


@pytest.mark.parametrize("kind", ["floats", "mixed"])
@pytest.mark.parametrize("edit", ["partition", "sorted half", "grow"])
def test_a_long_change_of_atomic_values_is_checked_and_pickled_a_chunk_at_a_time(
    kind, edit, monkeypatch
):
    # A sorted half's floats lie all over memory: all checked, then all pickled, each
    # was fetched twice from memory (three times slower than a chunk at a time).
    # (Numbers that packing.py can read in bulk go as machine words instead: off here,
    # as without numpy or on a free-threaded build.)
    monkeypatch.setattr(packing, "examine", lambda *args, **kwargs: None)
    rng = random.Random(5)
    base = _values(kind, 3 * wire.CHUNK + 100, rng, atomic=True)
    live = list(base)
    shadow = ListShadow(live)
    if edit == "partition":
        for i in range(0, len(live) - 1, 2):
            live[i], live[i + 1] = live[i + 1], live[i]
    elif edit == "sorted half":
        live[: len(live) // 2] = sorted(live[: len(live) // 2], key=id)
    else:
        live.extend(_values(kind, 2 * wire.CHUNK, rng, atomic=True))
    change = shadow.diff(live)
    pickled = []
    real = wire._dump_flat
    monkeypatch.setattr(wire, "_dump_flat", lambda v: (pickled.append(len(v)), real(v))[1])
    packed = wire._packed(change)
    assert packed[0] == change[0] + "+"
    assert pickled and max(pickled) <= wire.CHUNK and sum(pickled) == wire._values_count(change)
    got = wire._unpacked(pickle.loads(pickle.dumps(packed)))
    assert got == change  # equal values (new objects), the same places
    wire.forget()


def test_a_long_change_with_an_object_in_its_last_chunk_travels_as_it_is(monkeypatch):
    monkeypatch.setattr(packing, "examine", lambda *args, **kwargs: None)  # (see above)
    values = [float(k) for k in range(3 * wire.CHUNK)]
    live = list(values)
    shadow = ListShadow(live)
    for i in range(0, len(live), 2):
        live[i] = -live[i]
    live[-1] = Point(1)
    change = shadow.diff(live)
    assert change[0] == "M"
    assert wire._packed(change) is change
    live[-1] = 1.5
    assert wire._packed(shadow.diff(live))[0] == "M+"
    wire.forget()


def test_a_short_change_keeps_its_one_pickle(monkeypatch):
    monkeypatch.setattr(packing, "examine", lambda *args, **kwargs: None)  # (see above)
    live = [float(k) for k in range(20_000)]
    shadow = ListShadow(live)
    for i in range(0, 2_000, 2):
        live[i] = -live[i]
    packed = wire._packed(shadow.diff(live))
    assert packed[0] == "M*" and isinstance(packed[3], bytes)
    wire.forget()


def test_a_long_change_of_floats_goes_as_machine_words_where_packing_reads_them():
    # Beside the chunked pickles above: with numpy (packing.py), the sorted half's
    # floats travel as 8-byte words, and come back equal at the same places.
    pytest.importorskip("numpy")  # (packing is on once the program has numpy)
    if not packing.ready():
        pytest.skip("packing.py cannot read numbers in bulk here")
    live = [float(k) for k in range(3 * wire.CHUNK)]
    shadow = ListShadow(live)
    # (reversed, not sorted by address: floats made in address order sort to no
    # change, and the test failed when the allocator gave them so)
    live[: len(live) // 2] = live[: len(live) // 2][::-1]
    change = shadow.diff(live)
    packed = wire._packed(change)
    assert packed[0] == change[0] + "#"
    assert wire._unpacked(pickle.loads(pickle.dumps(packed))) == change
    wire.forget()


def _queues(send_us: int, queued: int = 0, idle: int = 0) -> TaskStateCore:
    state = _state({}, send_us, 0)
    words = state.pool.words
    words[taskpool.QUEUED] = queued
    state.idle_word = 20  # this thread's flag; the other thread's is word 21
    state.idle_flags = slice(20, 22)
    words[21] = idle
    state.stock = 4
    return state


def test_a_thread_that_never_handed_a_task_over_goes_by_the_team_s_cost():
    # The quicksort's worker, given a half that cost the master 45 ms to publish,
    # stocked its quarters in the table for the busy master (its own cost: nothing
    # measured, taken as cheap); each moved a quarter of a million floats both ways.
    assert not _queues(send_us=45_000).starving()
    assert _queues(send_us=45_000, idle=1).starving()  # an idle thread: hand over
    assert _queues(send_us=300).starving()  # Fibonacci's hand-overs: keep a stock
    assert _queues(send_us=0).starving()  # nothing handed in the team yet
    assert not _queues(send_us=300, queued=4).starving()  # the stock is full
    # Once it has handed over, its own average decides (wall time, as before).
    state = _queues(send_us=45_000)
    state.handed_in(0.0002, 0.0002)
    assert state.starving()
