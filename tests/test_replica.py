"""The replication engine, piece by piece: layout (identity comparison of lists),
shadows (what a thread changed in one container, and applying it elsewhere), the
replica (tokens that name shared objects in every process) and conflicts.

The cross-process tests fork for real: the parent's objects are the fork-time
objects of the child, as in a team.
"""

from __future__ import annotations

import itertools
import operator
import os
import pickle
from collections import Counter, OrderedDict, deque

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from omppy.runtime import conflict, layout
from omppy.runtime import replica as replica_module
from omppy.runtime.errors import OmpError
from omppy.runtime.replica import Replica, render_label
from omppy.runtime.shadow import shadow_for

# -- layout -----------------------------------------------------------------------


def _naive_changed(a, b):
    return [i for i in range(min(len(a), len(b))) if a[i] is not b[i]]


def _naive_ends(a, b):
    n = min(len(a), len(b))
    prefix = 0
    while prefix < n and a[prefix] is b[prefix]:
        prefix += 1
    suffix = 0
    while suffix < n - prefix and a[-1 - suffix] is b[-1 - suffix]:
        suffix += 1
    return prefix, suffix


edits = st.lists(
    st.tuples(st.sampled_from(["set", "insert", "delete", "append"]), st.integers(0, 5000)),
    max_size=6,
)


@given(size=st.integers(0, 3000), edits=edits)
def test_layout_agrees_with_a_plain_comparison(size, edits):
    objects = [object() for _ in range(size)]
    old, new = list(objects), list(objects)
    for kind, where in edits:
        if kind == "set" and new:
            new[where % len(new)] = object()
        elif kind == "insert":
            new.insert(where % (len(new) + 1), object())
        elif kind == "delete" and new:
            del new[where % len(new)]
        elif kind == "append":
            new.append(object())
    assert list(layout.changed_indices(new, old)) == _naive_changed(new, old)
    runs = layout.changed_runs(new, old)
    assert [i for lo, hi in runs for i in range(lo, hi)] == _naive_changed(new, old)
    assert all(hi < lo2 for (_, hi), (lo2, _) in itertools.pairwise(runs))  # maximal
    assert layout.common_ends(new, old) == _naive_ends(new, old)
    assert layout.same_items(new, old) == (len(new) == len(old) and not _naive_changed(new, old))


# -- shadows: diff in one copy, apply to another ------------------------------------


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


class Slotted:
    __slots__ = ("a", "b")


def _pairs():
    """(make a container, change it in place) for every kind of shadow."""

    def slotted():
        s = Slotted()
        s.a = 1
        return s

    def change_slotted(s):
        s.a = 5
        s.b = 6

    return {
        "list-items": (lambda: [1, 2, 3, 4], lambda v: v.__setitem__(2, "x")),
        "list-append": (lambda: [1, 2], lambda v: v.extend([3, 4])),
        "list-insert-and-pop": (lambda: [1, 2, 3], lambda v: (v.insert(0, 9), v.pop())),
        "list-sort": (lambda: [3, 1, 2], lambda v: v.sort()),
        "dict": (lambda: {"a": 1, "b": 2}, lambda v: (v.__setitem__("c", 3), v.pop("a"))),
        "counter": (lambda: Counter("abca"), lambda v: v.update("zz")),
        "ordered-dict": (lambda: OrderedDict(a=1), lambda v: v.__setitem__("b", 2)),
        "set": (lambda: {1, 2, 3}, lambda v: (v.discard(2), v.add(7))),
        "object": (lambda: Point(1, 2), lambda v: (setattr(v, "x", 10), setattr(v, "z", 0))),
        "slots": (slotted, change_slotted),
        "bytearray": (lambda: bytearray(b"hello"), lambda v: v.extend(b"!!")),
        "deque": (lambda: deque([1, 2]), lambda v: v.appendleft(0)),
        "array": (lambda: np.arange(6.0), lambda v: v.__setitem__(slice(1, 3), -1.0)),
        "ordered-dict-moves": (
            lambda: OrderedDict((k, k) for k in range(5)),
            lambda v: (v.move_to_end(1), v.popitem(last=False), v.__setitem__(9, 9)),
        ),
        "dict-reinsert": (
            lambda: {"a": 1, "b": 2, "c": 3},
            lambda v: (v.__setitem__("a", v.pop("a")), v.__setitem__("b", 20)),
        ),
        "object-array": (
            _object_array,
            lambda v: (v.__setitem__((0, 1), [7]), v.__setitem__((1, 1), 3)),
        ),
    }


def _object_array():
    cells = np.empty((2, 2), dtype=object)
    for i, j in np.ndindex(cells.shape):
        cells[i, j] = [i, j]
    return cells


PAIRS = _pairs()


@pytest.mark.parametrize("kind", sorted(PAIRS))
def test_a_change_found_in_one_copy_makes_another_copy_equal(kind):
    make, change = PAIRS[kind]
    mine, theirs = make(), make()
    shadow_mine, shadow_theirs = shadow_for(mine), shadow_for(theirs)
    assert shadow_mine.diff(mine) is None  # nothing changed yet
    change(mine)
    found = shadow_mine.diff(mine)
    assert found is not None
    found = pickle.loads(pickle.dumps(found))  # as it travels
    shadow_theirs.apply(theirs, found)
    assert _state(theirs) == _state(mine)
    assert shadow_theirs.diff(theirs) is None  # the agreed state moved with it


def _state(value):
    if isinstance(value, np.ndarray):
        return value.tolist()
    if isinstance(value, Slotted):
        return (getattr(value, "a", None), getattr(value, "b", None))
    if isinstance(value, Point):
        return vars(value)
    if isinstance(value, (dict, OrderedDict)):
        return list(value.items())
    return value


@pytest.mark.parametrize(
    "change",
    [
        lambda d: d.__setitem__("a", [1]),  # an equal value, another object
        lambda d: d.__setitem__("new", 1),
        lambda d: d.pop("b"),
        lambda d: (d.pop("a"), d.__setitem__("a", d.get("c"))),  # moved to the end
        lambda d: d.update(c=0),
        lambda d: d.clear(),
        lambda d: d.setdefault("z", 0),
        lambda d: d.__ior__({"q": 1}),
    ],
)
def test_a_dict_unchanged_by_its_version_tag_and_every_change_still_found(change):
    """A dict shadow skips the comparison when the dict's version tag is the one it
    last saw (layout.dict_version); each kind of change moves the tag, and is found
    the first time and every later time, also after a diff that found nothing."""
    live = {"a": [1], "b": 2, "c": None}
    shadow = shadow_for(live)
    assert layout.dict_version(live) is not None  # CPython 3.11-3.13
    assert shadow.diff(live) is None and shadow.diff(live) is None
    change(live)
    found = shadow.diff(live)
    assert found is not None and shadow.diff(live) == found
    other = {"a": [1], "b": 2, "c": None}
    twin = shadow_for(other)
    twin.apply(other, found)
    assert other == live and list(other) == list(live)
    assert twin.diff(other) is None  # applied: agreed, nothing of this process's own
    other["after"] = 1  # a change of its own after an apply is still seen
    assert twin.diff(other) is not None


def test_an_ordered_dict_reordered_is_a_change_though_its_version_tag_stays():
    """``move_to_end`` changes an OrderedDict's order, not the dict's version tag: a
    subclass is always compared item by item."""
    live = OrderedDict(a=1, b=2)
    shadow = shadow_for(live)
    assert shadow.diff(live) is None
    live.move_to_end("a")
    assert layout.dict_version(live) is None
    assert shadow.diff(live) is not None


def test_new_keys_among_applied_ones_are_new_keys_not_a_move():
    # This process added 9; another's "middle" arrived after it: the agreed keys
    # (first, middle) keep their order, so 9 is a new key (ordered later by its
    # iteration, coherence.py), not a move that would keep this process's order.
    mine = {"first": 0}
    shadow = shadow_for(mine)
    mine[9] = 1
    shadow.apply(mine, ("D", [("middle", 2)], [], 1))
    assert list(mine) == ["first", 9, "middle"]
    assert shadow.diff(mine) == ("D", [(9, 1)], [], 1)
    mine.pop("first")
    mine["first"] = 0  # a real move: the agreed keys change order
    change = shadow.diff(mine)
    assert change[3] == 0 and "first" in change[2]


def test_a_generator_a_worker_advances_is_refused_and_the_master_s_left_behind():
    from omppy.runtime.objects import CannotCarry

    def jobs():
        yield from range(3)

    mine, theirs = jobs(), jobs()
    shadow_mine, shadow_theirs = shadow_for(mine), shadow_for(theirs)
    assert shadow_mine.diff(mine) is None
    next(mine)
    found = shadow_mine.diff(mine)
    assert found is not None and "jobs" in found[1]
    shadow_theirs.apply(theirs, found)  # made in this process, the "master": left behind
    with pytest.raises(CannotCarry):
        shadow_theirs.apply(theirs, (*found[:2], False))  # a worker's: refused


list_steps = st.lists(
    st.tuples(st.sampled_from(["set", "apply", "append", "pop", "settle"]), st.integers(0, 10**6)),
    max_size=8,
)


# Short lists keep their agreed pointers as bytes, long ones (from layout._LONG items)
# are compared in place with the shadow's copy: both against the plain comparison.
@given(size=st.sampled_from([0, 5, 300, layout._LONG + 10]), steps=list_steps)
def test_a_list_shadow_finds_exactly_this_thread_s_changes(size, steps):
    live = [object() for _ in range(size)]
    shadow = shadow_for(live)
    agreed = list(live)  # what the team agreed on, kept apart
    for kind, where in steps:
        if kind == "set" and live:
            live[where % len(live)] = object()
        elif kind == "append":
            live.append(object())
        elif kind == "pop" and live:
            live.pop()
        elif kind == "settle":
            shadow.retake(live)
            agreed = list(live)
        elif kind == "apply" and live and len(live) == len(agreed):
            # Another thread's store, to a place this one has not changed: applied
            # while this thread's own changes are not agreed yet (a catch-up).
            index = where % len(live)
            if live[index] is agreed[index]:
                value = object()
                shadow.apply(live, ("L", [(index, [value])]))
                agreed[index] = value
        change = shadow.diff(live)
        if len(live) != len(agreed):
            assert change is not None and change[0] == "S"
            continue
        changed = _naive_changed(live, agreed)
        if not changed:
            assert change is None
            continue
        assert change[0] == "L"
        assert [i for lo, values in change[1] for i in range(lo, lo + len(values))] == changed
        assert all(v is live[lo + k] for lo, values in change[1] for k, v in enumerate(values))


def test_a_list_change_that_keeps_the_length_is_a_few_runs():
    items = list(range(100))
    shadow = shadow_for(items)
    items[3] = "a"
    items[4] = "b"
    items[90] = "c"
    assert shadow.diff(items) == ("L", [(3, ["a", "b"]), (90, ["c"])])


def test_one_run_of_changes_is_found_without_looking_for_runs(monkeypatch):
    # A thread's block of a static loop changes one stretch: found by three scans of
    # the flags in C, not by counting runs and a regular expression over 2 MB.
    from omppy.runtime import masked

    items = list(range(2_000_000))
    shadow = shadow_for(items)
    for i in range(1_000_000, 2_000_000):
        items[i] = -i
    monkeypatch.setattr(layout, "flag_runs", lambda flags: pytest.fail("runs searched"))
    change = shadow.diff(items)
    assert change[0] == "L" and len(change[1]) == 1
    assert change[1][0][0] == 1_000_000 and change[1][0][1] == items[1_000_000:]
    monkeypatch.undo()
    items[5] = "x"  # two runs now: the general way, the same answer as before
    assert masked.list_change(items, layout.changed_flags(items, shadow.items)) == (
        "L",
        [(5, ["x"]), (1_000_000, items[1_000_000:])],
    )


def test_the_last_apply_of_a_region_changes_the_live_list_and_leaves_its_shadow():
    # The master's join: nothing compares the shadow again, so a worker's 1,000,000
    # stores are not copied into it too (and its new objects are not adopted).
    replica = Replica()
    out = [0] * 10
    replica.watch_root(out, 2, "out")
    token = replica.token_of(out)
    shadow = replica.shadows[token]
    box = [1]
    replica.apply([(token, ("L", [(2, [box, 7])]))], ("barrier", 0, 1), last=True)
    assert out == [0, 0, [1], 7, 0, 0, 0, 0, 0, 0] and out[2] is box
    assert shadow.items == [0] * 10
    assert replica.token_of(box) is None
    replica.apply([(token, ("L", [(4, [box])]))], ("barrier", 1, 1))
    assert shadow.items[4] is box and replica.token_of(box) is not None


def test_an_append_to_a_long_list_is_a_splice_at_its_end():
    items = list(range(100_000))
    shadow = shadow_for(items)
    items.append("new")
    assert shadow.diff(items) == ("S", 100_000, 100_000, ["new"])


def test_new_dict_keys_come_last_in_their_order():
    table = {"a": 1, "b": 2}
    shadow = shadow_for(table)
    table["b"] = 3
    table["z"] = 0
    table["y"] = 1
    assert shadow.diff(table) == ("D", [("b", 3), ("z", 0), ("y", 1)], [], 2)


# -- replicas across a real fork -----------------------------------------------------


def _in_child(work):
    """Run ``work()`` in a forked child; return what it returns (pickled)."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        try:
            data = pickle.dumps(("ok", work()))
        except BaseException as exc:
            data = pickle.dumps(("error", repr(exc)))
        os.write(write, data)
        os._exit(0)
    os.close(write)
    chunks = []
    while chunk := os.read(read, 1 << 16):
        chunks.append(chunk)
    os.close(read)
    os.waitpid(pid, 0)
    status, value = pickle.loads(b"".join(chunks))
    assert status == "ok", value
    return value


def test_a_child_s_changes_reach_the_parent_and_shared_objects_keep_their_identity():
    particles = [Point(i, 0) for i in range(4)]
    index = {"first": particles[0]}
    replica = Replica()
    replica.watch(particles, 2, "particles")
    replica.watch(index, 1, "index")

    def child():
        particles[1].x = 100
        index["last"] = particles[3]  # a shared object stored elsewhere: by token
        particles.append(Point(9, 9))  # a new object: by value
        return replica.dumps(replica.changes())

    data = _in_child(child)
    replica.apply(replica.loads(data), ("barrier", 0, 1))
    assert particles[1].x == 100
    assert index["last"] is particles[3]
    assert (particles[4].x, len(particles)) == (9, 5)
    assert replica.changes() == []  # applied to the agreed state too


def test_a_new_object_is_named_by_the_event_and_place_that_brought_it():
    rows = [[0], [1]]
    replica = Replica()
    replica.watch(rows, 2, "rows")

    def child():
        rows[0] = [5]  # a new object, in place 0
        changes = replica.changes()
        first = replica.dumps(changes)  # sent by value, then known by its token
        replica.settle(changes, ("record", 1))
        rows[0].append(6)  # a change of the new object, named by its token
        return first, replica.dumps(replica.changes())

    first, second = _in_child(child)
    replica.apply(replica.loads(first), ("record", 1))
    replica.apply(replica.loads(second), ("record", 2))
    assert rows == [[5, 6], [1]]


def test_a_swap_of_two_shared_arrays_arrives_as_a_swap():
    a, b = np.zeros(3), np.ones(3)
    replica = Replica()
    replica.watch(a, 1, "a")
    replica.watch(b, 1, "b")

    def child():
        return replica.dumps({"a": b, "b": a})

    swapped = replica.loads(_in_child(child))
    assert swapped["a"] is b and swapped["b"] is a


def test_closure_cells_class_attributes_and_defaults_of_a_module_are_watched():
    namespace = {"__name__": "fake"}
    exec(
        "def make():\n"
        "    count = 0\n"
        "    def bump():\n"
        "        nonlocal count\n"
        "        count += 1\n"
        "        return count\n"
        "    return bump\n"
        "bump = make()\n"
        "class Registry:\n"
        "    items = []\n"
        "    total = 0\n"
        "def remember(x, seen={}):\n"
        "    seen[x] = True\n",
        namespace,
    )
    replica = Replica()
    replica.watch_namespace(namespace, 2, "")

    def child():
        namespace["bump"]()
        namespace["Registry"].items.append("x")
        namespace["Registry"].total = 5
        namespace["remember"](3)
        return replica.dumps(replica.changes())

    replica.apply(replica.loads(_in_child(child)), ("barrier", 0, 1))
    assert namespace["bump"]() == 2
    assert namespace["Registry"].items == ["x"] and namespace["Registry"].total == 5
    assert namespace["remember"].__defaults__[0] == {3: True}


def test_the_net_compares_small_globals_and_leaves_big_ones_alone():
    """Globals no code was found to change are compared only when that is cheap: a
    big list or dict is left out (known by token, never compared), a big array is
    made read-only for the region instead (a write to it is an error, not lost)."""
    small, big_list, big_dict = [1, 2], list(range(20_000)), dict.fromkeys(range(20_000))
    grid = np.zeros(300_000)  # 2.4 MB
    namespace = {"__name__": "fake", "small": small, "big_list": big_list}
    namespace.update(big_dict=big_dict, grid=grid)
    replica = Replica()
    replica.watch_namespace(namespace, 2, "")
    assert replica.token_of(small) in replica.shadows
    for value in (big_list, big_dict, grid):
        token = replica.token_of(value)
        assert token is not None and token not in replica.shadows
    assert [label for _, label in replica.frozen] == ["grid"]
    # What a region was found to change is watched however big it is.
    replica = Replica()
    replica.watch(big_list, 1, "big_list")
    replica.watch_namespace(namespace, 2, "")
    assert replica.token_of(big_list) in replica.shadows
    # Under OMPPY_CHECK=1 everything is compared.
    replica = Replica(deep=True)
    replica.watch_namespace(namespace, 2, "")
    assert replica.token_of(big_dict) in replica.shadows


def test_changes_of_numbers_travel_packed_and_shared_objects_by_token():
    inner = [1]
    out = [0] * 6 + [inner]
    replica = Replica()
    replica.watch(out, 2, "out")

    def child():
        out[1:3] = [7, "seven"]  # numbers and strings: pickled apart, in C
        out.append(inner)  # a shared object: by token, as ever
        out.append([2])  # a new object: by value
        return replica.dump_changes(replica.changes(), "rest")

    changes, rest = replica.load_changes(_in_child(child))
    assert rest == "rest" and {change[0] for _, change in changes} <= {"L", "S"}
    replica.apply(changes, ("barrier", 0, 1))
    assert out == [0, 7, "seven", 0, 0, 0, [1], [1], [2]]
    assert out[7] is inner and out[8] is not inner


# -- conflicts -----------------------------------------------------------------------


def _replica_of(value, label="out"):
    replica = Replica()
    replica.watch(value, 2, label)
    return replica


def test_different_places_combine():
    out = [0] * 10
    replica = _replica_of(out)
    token = id(out)
    a = [(token, ("L", [(0, [1, 2])]))]
    b = [(token, ("L", [(5, [7])]))]
    c = [(token, ("L", [(2, [3, 3])]))]
    conflict.check([("thread 0", a), ("thread 1", b), ("thread 2", c)], replica, "here")


def test_the_same_place_names_the_object_and_the_place():
    out = [0] * 10
    replica = _replica_of(out)
    token = id(out)
    a = [(token, ("L", [(0, [1, 2])]))]
    b = [(token, ("L", [(1, [9])]))]
    with pytest.raises(OmpError) as error:
        conflict.check([("thread 0", a), ("thread 1", b)], replica, "between A and B")
    message = str(error.value)
    assert "thread 0 and thread 1 both changed out[1], between A and B" in message
    assert "critical" in message


def test_two_length_changes_of_one_list_are_refused_even_when_equal():
    out = [0]
    replica = _replica_of(out)
    token = id(out)
    append = [(token, ("S", 1, 1, [5]))]
    with pytest.raises(OmpError, match="changed the length of out"):
        conflict.check([("thread 0", append), ("thread 1", append)], replica, "here")


def test_the_same_value_in_one_place_is_refused_too():
    # counts[w] += 1 racing in two threads: both write the same new value.
    table = {"hits": 0}
    replica = _replica_of(table, "table")
    token = id(table)
    change = [(token, ("D", [("hits", 1)], [], 0))]
    with pytest.raises(OmpError, match=r"table\['hits'\]"):
        conflict.check([("thread 0", change), ("thread 1", change)], replica, "here")


def _few_below_item_by_item(value, levels):
    """replica._few_below as it was before session 7: every item through children()."""
    from omppy.runtime.objects import IMMUTABLE, children
    from omppy.runtime.replica import NET_ITEMS
    from omppy.runtime.wire import ATOMIC

    if not isinstance(value, (list, dict, deque)):
        return False
    total = 0
    layer = [value]
    for _ in range(levels):
        below = []
        for container in layer:
            for _, child in children(container):
                total += 1
                if total > NET_ITEMS:
                    return False
                if type(child) not in ATOMIC and not isinstance(child, IMMUTABLE):
                    below.append(child)
        layer = below
    return True


class _Plain:
    def __init__(self, n):
        self.x = n
        self.history = [n] * (n % 4)


class _Slotted:
    __slots__ = ("a", "b")

    def __init__(self, n):
        self.a = [n]
        if n % 2:
            self.b = {n: (n,)}


class _Lookup:
    def __getattribute__(self, name):
        if name == "__dict__":
            return {"seen": [1, 2, 3]}
        return object.__getattribute__(self, name)


@pytest.mark.parametrize("levels", [1, 2, 3, 5])
@pytest.mark.parametrize("size", [0, 3, 2_400, 3_400, 5_000, 10_001])
def test_few_below_counts_as_the_walk_item_by_item_did(levels, size):
    from omppy.runtime.replica import _few_below

    values = [
        [_Plain(i) for i in range(size)],
        {i: [i, (i, [i])] for i in range(size)},
        deque(_Slotted(i) for i in range(size)),
        [OrderedDict(a=[i]) for i in range(size // 3)] + [{1, 2}, frozenset({3}), b"xy"],
        [np.zeros(3), np.array([[1], None], dtype=object), _Lookup()] * (size // 3),
        [[[[i]]] for i in range(size // 2)],
        # counted in chunks until past the limit: an object with no __dict__ after it
        [*(_Plain(i) for i in range(size)), object(), _Plain(-1)],
        [*(_Plain(i) for i in range(size // 2)), *({} for _ in range(size // 2))],
    ]
    for value in values:
        assert _few_below(value, levels) == _few_below_item_by_item(value, levels)


def test_the_next_object_of_a_class_takes_its_shadow_at_once_and_diffs_alike():
    from omppy.runtime import shadow as shadow_module

    first, second = _Plain(1), _Plain(2)
    slow = shadow_for(first)
    assert type(first) in shadow_module._ATTRIBUTE_KINDS
    fast = shadow_for(second)
    assert type(slow) is type(fast) is shadow_module.AttributeShadow
    assert fast.keys == ["x", "history"] and fast.slots is None
    assert fast.diff(second) is None
    second.x = 7
    del second.history
    assert fast.diff(second) == ("A", [("x", 7)], ["history"])


@pytest.mark.parametrize("size", [0, 1, 15, 16, 300])
def test_a_short_list_s_shadow_has_no_pointers_and_finds_every_change(size):
    live = [object() for _ in range(size)]
    shadow = shadow_for(live)
    assert (shadow.pointers is None) == (size < 16)
    assert shadow.diff(live) is None
    if size:
        live[size - 1] = object()
        assert shadow.diff(live) is not None
    live.append(1)
    assert shadow.diff(live) is not None


@pytest.mark.parametrize("size", [7, 8, 9, 511, 512, 513, 1000, 1500])
def test_common_ends_find_the_first_difference_wherever_it_lies(size):
    # Blocks of 512 pointers, then halves down to 8, then single items (layout.py).
    old = [object() for _ in range(size)]
    for where in sorted({0, 1, 7, 8, 9, 255, 256, 511, 512, 513, size // 2, size - 1}):
        if where >= size:
            continue
        new = list(old)
        new[where] = object()
        assert layout.common_ends(new, old) == _naive_ends(new, old)
        grown = [*old[:where], object(), *old[where:]]
        assert layout.common_ends(grown, old) == _naive_ends(grown, old)
    appended = [*old, 1]
    assert layout.common_ends(appended, old) == (size, 0)


@pytest.mark.parametrize("start", [0, 5, 15, 16, 600, 9000])
def test_a_list_that_grows_is_diffed_as_python_would_see_it(start, monkeypatch):
    # A critical's list grows from empty: once it has 16 items its shadow keeps the
    # agreed pointers, and an append is found by one comparison of the array's start
    # (Pointers.same_start), with no common_ends (docs/benchmarks.md, session 8).
    live = [object() for _ in range(start)]
    shadow = shadow_for(live)
    for step in range(40):
        live.append(object())
        agreed = list(shadow.items)
        if len(agreed) >= 16:
            monkeypatch.setattr(layout, "common_ends", _no_common_ends)
        change = shadow.diff(live)
        monkeypatch.undo()
        assert change == ("S", len(agreed), len(agreed), live[len(agreed) :])
        shadow.retake(live)
        # Not an append: an item replaced, or put in front, as the list grows.
        where = step * 7 % len(live)
        edited = list(live)
        edited[where] = object()
        edited.append(object())
        if step % 3 == 0:
            edited.insert(0, object())
        live[:] = edited
        change = shadow.diff(live)
        assert change is not None
        copy = list(shadow.items)
        shadow.apply(copy, change)  # the change, put into a copy of the agreed list
        assert len(copy) == len(live) and all(map(operator.is_, copy, live)), (start, step)
        shadow.retake(live)


def _no_common_ends(*args):
    raise AssertionError("an append compared by common_ends")


def test_the_master_finds_its_own_changes_before_it_waits_for_the_reports(monkeypatch):
    # Thread 0's changes are found when its body ends, while the workers still
    # write their reports: off the join's path, and the same checks after it.
    import textwrap

    from omppy.runtime import forkjoin
    from omppy.transform.translate import translate

    source = textwrap.dedent(
        """
        def squares(n):
            out = [0] * n
            # omp parallel for schedule(static) num_threads(2)
            for i in range(n):
                out[i] = i * i
            return out
        """
    )
    namespace = {"__name__": "final_part_module"}
    exec(compile(translate(source, "<final>").text, "<final>", "exec"), namespace)
    taken = []
    run_master = forkjoin._run_master

    def master(me, *args):
        outcome = run_master(me, *args)
        taken.append(me.coherence.final_part)
        return outcome

    monkeypatch.setattr(forkjoin, "_run_master", master)
    assert namespace["squares"](1000) == [i * i for i in range(1000)]
    assert len(taken) == 1 and taken[0] is not None and taken[0][0] is None


class _Particle:
    def __init__(self, i, below=None):
        self.x = float(i)
        self.history = [i] if i % 3 else []
        self.below = below


class _Caching:
    def __init__(self):
        self.table = {}

    @property
    def size(self):
        self.table["read"] = True  # a read that stores: compared at every block
        return len(self.table)


def _watched(structure, depth, own_module=None):
    replica = Replica()
    replica.own_module = own_module
    replica.watch_root(structure, depth, "data")
    shadows = {
        token: (type(shadow).__name__, getattr(shadow, "keys", 0), getattr(shadow, "items", 0))
        for token, shadow in replica.shadows.items()
    }
    return (
        dict(replica.tokens),
        {token: str(render_label(label)) for token, label in replica.labels.items()},
        dict(replica.depths),
        shadows,
        {token: list(below) for token, below in replica.below.items()},
        list(replica.always),
        replica.unseen,
    )


@pytest.mark.parametrize("depth", [1, 2, 3, 4])
def test_the_lanes_of_watch_take_what_the_generic_path_takes(depth, monkeypatch):
    # Plain objects and short lists take lanes (their class's tests made once:
    # docs/benchmarks.md, session 8); every table must be what the generic path makes.
    shared = _Particle(99)
    objects = [_Particle(i, below=shared if i % 4 == 0 else _Particle(-i)) for i in range(40)]
    structure = [
        objects,
        [[], [1, 2], [objects[0]], [_Caching(), _Caching()], {"k": [3]}],
        (objects[1], [objects[2], shared]),
        [_Caching(), *objects[:3]],
        objects,
    ]
    with_lanes = _watched(structure, depth, own_module=__name__)
    monkeypatch.setattr(replica_module, "LANES", False)
    assert with_lanes == _watched(structure, depth, own_module=__name__)


@pytest.mark.parametrize("depth", [1, 2, 3, 4])
def test_a_list_of_objects_of_one_class_watched_in_bulk_gets_the_generic_tables(
    depth, monkeypatch
):
    # 64 objects or more of one plain class in a list are watched in bulk
    # (Replica._watch_alike, docs/benchmarks.md, session 9): every table must be
    # what the generic path makes, for lists that take the bulk way and lists that
    # cannot (an object twice, an object met before, two classes, an int subclass).
    shared = _Particle(99)
    many = [_Particle(i, below=shared if i % 4 == 0 else _Particle(-i)) for i in range(100)]
    twice = [*many[:70], many[0]]
    met = [_Particle(i) for i in range(80)]
    mixed = [*[_Particle(i) for i in range(70)], _Caching()]

    class Number(int):
        pass

    numbers = [Number(i) for i in range(70)]
    structure = [many, [met[5]], met, twice, mixed, numbers, many]
    with_bulk = _watched(structure, depth, own_module=__name__)
    assert with_bulk == _watched(structure, depth, own_module=__name__)  # the class's lane known
    calls = []
    alike = Replica._watch_alike

    def counted(self, *args):
        done = alike(self, *args)
        calls.append(done)
        return done

    monkeypatch.setattr(Replica, "_watch_alike", counted)
    assert _watched(structure, depth, own_module=__name__) == with_bulk
    if depth >= 3:  # (``many`` is then watched two levels down: its objects in bulk)
        assert True in calls
    monkeypatch.setattr(replica_module, "LANES", False)
    assert with_bulk == _watched(structure, depth, own_module=__name__)


def test_changes_of_objects_watched_in_bulk_are_found():
    objects = [_Particle(i) for i in range(100)]
    _watched(objects, 3)  # the class's lane known (shadow_for decided it)
    replica = Replica()
    replica.watch_root(objects, 3, "objects")
    assert len(replica.shadows) == 1 + 100 + 100  # the list, each object, each history
    assert replica.changes() == []
    objects[7].x = 7.5
    objects[8].history.append(1)
    objects[9].extra = "new"
    del objects[10].below
    found = {replica.label_of(token): change for token, change in replica.changes()}
    assert found == {
        "objects[7]": ("A", [("x", 7.5)], []),
        "objects[8].history": ("S", 1, 1, [1]),
        "objects[9]": ("A", [("extra", "new")], []),
        "objects[10]": ("A", [], ["below"]),
    }


def test_a_closed_block_compares_what_it_names_and_what_that_holds():
    # changes_under(closed=True) with one named container: compared alone when it
    # holds nothing watched (a critical's ``found.append(v)``), and with what it holds
    # when it does: a store into a row of a named table is found.
    found = list(range(20))
    table = [[0, 0], [0, 0]]
    replica = Replica()
    replica.watch_root({"found": found, "table": table}, 3, "data")
    assert replica.changes_under([found, 5], closed=True) == []
    found.append(20)
    assert [change for _, change in replica.changes_under([found, 5], closed=True)] == [
        ("S", 20, 20, [20])
    ]
    table[1][0] = 7
    labels = [replica.label_of(token) for token, _ in replica.changes_under([table], True)]
    assert labels == ["data['table'][1]"]
    assert replica.changes_under([7], closed=True) == []


def test_a_block_exit_finds_a_length_change_of_any_big_container_left_out():
    # check_net at a block's exit: a length change of any container left out is the
    # error, one added to the net later included; a store keeping the length is found
    # where the contents are compared (a barrier, the region's end).
    from omppy.runtime.replica import NET_ITEMS

    big, other, later = ([0] * (NET_ITEMS + 1) for _ in range(3))
    replica = Replica()
    replica.watch_net(big, "big")
    replica.watch_net(other, "other")
    replica.check_net("thread 1")  # nothing changed
    other.append(1)
    with pytest.raises(OmpError, match=r"changed the length of other \(a list of"):
        replica.check_net("thread 1")
    other.pop()
    replica.check_net("thread 1")
    replica.watch_net(later, "later")
    del later[0]
    with pytest.raises(OmpError, match=r"changed the length of later"):
        replica.check_net("thread 1")
    later.append(0)
    big[0] = 1  # a store that keeps the length: found with the contents only
    replica.check_net("thread 1")
    with pytest.raises(OmpError, match=r"changed big \(a list of"):
        replica.check_net("thread 1", contents=True)


def test_changes_in_the_loop_are_the_diffs_of_the_shadows():
    # Replica.changes finds an object's new values and a short list's append in its
    # loop (session 10), without calling diff: the very changes diff gives, for each
    # kind of change, and the same as before for those it leaves to diff.
    class Plain:
        pass

    class Slotted:
        __slots__ = ("__dict__", "a")

    class Sub(list):
        pass

    def plain(**values):
        obj = Plain()
        obj.__dict__.update(values)
        return obj

    same, moved, both, grown, lost, reordered, wide = (plain(a=1, b=[1]) for _ in range(7))
    wide.__dict__.update({f"k{i}": i for i in range(20)})
    slotted = Slotted()
    slotted.a, slotted.b = 1, 2
    short, appended, shrunk, edited, sub = [1, 2], [1, 2], [1, 2, 3], [1, 2], Sub([1, 2])
    roots = [same, moved, both, grown, lost, reordered, wide, slotted,
             short, appended, shrunk, edited, sub]
    replica = Replica()
    replica.watch(roots, 3, "roots")
    moved.a = 2
    both.a, both.b = 3, [2]
    grown.c = 1
    del lost.b
    del reordered.a
    reordered.a = 1
    wide.k7 = "seven"
    slotted.a, slotted.b = 5, 6
    appended.append(3)
    shrunk.pop()
    edited[0] = 9
    sub.append(3)
    from omppy.runtime.shadow import ListShadow

    def diffs(**mode):
        found = []
        for token, shadow in replica.shadows.items():
            live = replica.objects[token]
            if isinstance(shadow, ListShadow):
                change = shadow.diff(live, **mode)
            else:
                change = shadow.diff(live)
            if change is not None:
                found.append((token, change))
        return found

    def plain(changes):  # a kept list change's values are views (masked.Stretch)
        return [
            (token, tuple(
                [(at, list(values)) for at, values in part] if kind == "L" and n == 1 else part
                for n, part in enumerate(change)
            ))
            for token, change in changes
            for kind in [change[0]]
        ]

    for mode in ({}, {"kept": True}, {"packed": True}):
        assert plain(replica.changes(**mode)) == plain(diffs(**mode)), mode
    expected = diffs()
    by_token = dict(expected)
    token = replica.tokens.get
    assert by_token[token(id(moved))] == ("A", [("a", 2)], [])
    assert by_token[token(id(both))] == ("A", [("a", 3), ("b", [2])], [])
    assert by_token[token(id(appended))] == ("S", 2, 2, [3])
    assert token(id(same)) not in by_token and token(id(short)) not in by_token
    assert len(expected) == 11
