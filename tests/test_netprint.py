"""The fingerprints of the big containers the net leaves out (runtime/netprint.py):
a change that keeps the length changes the fingerprint; a read does not."""

from __future__ import annotations

import collections
import operator
import sys

import pytest

from omppy.runtime import netprint

GIL = getattr(sys, "_is_gil_enabled", lambda: True)()
needs_layout = pytest.mark.skipif(not GIL, reason="free-threaded layouts: length only")


@needs_layout
def test_every_kind_passes_its_self_test_on_this_interpreter():
    for kind in (list, dict, set, bytearray):
        assert netprint.supported(kind), kind


@needs_layout
@pytest.mark.parametrize(
    ("make", "change"),
    [
        (lambda: [object() for _ in range(50)], lambda v: v.__setitem__(3, object())),
        (lambda: list(range(50)), lambda v: v.reverse()),
        (lambda: {k: k for k in range(50)}, lambda v: v.__setitem__(7, "x")),
        (lambda: collections.OrderedDict.fromkeys(range(50)), lambda v: v.move_to_end(0)),
        (lambda: collections.defaultdict(int, a=1), lambda v: v.__setitem__("a", 2)),
        (lambda: set(range(50)), lambda v: (v.discard(3), v.add(-3))),
        (lambda: bytearray(50), lambda v: v.__setitem__(1, 9)),
    ],
)
def test_a_change_that_keeps_the_length_changes_the_fingerprint(make, change):
    value = make()
    before, length = netprint.fingerprint(value), len(value)
    change(value)
    assert len(value) == length
    assert netprint.fingerprint(value) != before
    assert not netprint.unchanged(value, before)


@pytest.mark.parametrize(
    "value",
    [list(range(100)), {k: str(k) for k in range(100)}, set(range(100)), bytearray(b"ab")],
)
def test_reading_leaves_the_fingerprint_as_it_was(value):
    before = netprint.fingerprint(value)
    _ = [item for item in value]
    _ = len(value), (5 in value), value.copy()
    if isinstance(value, dict):
        _ = value.get(5), list(value.items())
    assert netprint.fingerprint(value) == before
    assert netprint.unchanged(value, before)


def test_a_deque_s_print_holds_its_items_and_sees_a_store_that_keeps_its_length():
    items = collections.deque(object() for _ in range(10))
    before = netprint.fingerprint(items)
    assert netprint.unchanged(items, before)
    items.pop()
    items.append(object())
    assert not netprint.unchanged(items, before)


@pytest.mark.parametrize("kind", [list, set])
def test_the_items_a_print_names_by_address_are_held(kind):
    # pop then append of a new object: CPython's allocator gives the new object the
    # freed item's address, so the print would look unchanged had nobody held it.
    value = kind(Item(i) for i in range(50))
    before, items = netprint.fingerprint(value), netprint.held(value)
    assert items is not None and len(items) == 50
    gone = value.pop()
    value.add(Item(-1)) if kind is set else value.append(Item(-1))
    assert not netprint.unchanged(value, before)
    assert gone in items


def test_prints_that_hold_what_they_need_hold_nothing_more():
    assert netprint.held({"a": object()}) is None
    assert netprint.held(bytearray(b"ab")) is None
    assert netprint.held(collections.deque([object()])) is None


def test_a_big_list_s_print_is_reused_while_its_items_are_the_same():
    # Taken again at every region: the last copy serves while the items are the
    # same, and a store of another object still changes the print.
    big = [object() for _ in range(20_000)]
    first = netprint.fingerprint(big)
    again = netprint.fingerprint(big)
    assert again is first and netprint.unchanged(big, again)
    big[7] = object()
    third = netprint.fingerprint(big)
    assert third is not first and third != first
    assert not netprint.unchanged(big, first) and netprint.unchanged(big, third)
    big.append(1)
    assert not netprint.unchanged(big, third)
    assert len(netprint.fingerprint(big)) == len(third) + 8


class Item:
    def __init__(self, value):
        self.value = value


@needs_layout
def test_a_big_list_of_numbers_keeps_its_items_held_between_regions():
    # A second region's watch of an unchanged big list of numbers takes no reference
    # (no page of the items written after a fork): the items held since the first.
    big = [i * 7919 + 1_000_003 for i in range(20_000)]
    first: list = []
    print_ = netprint.fingerprint(big, first)
    netprint.release_unused()  # the first watch ends
    count = sys.getrefcount(big[5])
    second: list = []
    again = netprint.fingerprint(big, second)
    now = sys.getrefcount(big[5])
    assert again is print_ and second[0] is first[0]
    assert now == count
    del first, second  # the regions end: the numbers are still held
    gone = big.pop()
    big.append(gone * 3 + 1)  # without the hold, at the address just freed
    assert not netprint.unchanged(big, print_)
    del gone
    netprint.release_unused()
    netprint.release_unused()  # a watch that did not ask for it lets it go
    assert id(big) not in netprint._retained


@needs_layout
def test_a_big_list_of_objects_is_held_for_one_region_only():
    big = [Item(i) for i in range(20_000)]
    count = sys.getrefcount(big[5])
    keep: list = []
    netprint.fingerprint(big, keep)
    during = sys.getrefcount(big[5])
    del keep  # the region ends: a finalizer runs when python would run it
    after = sys.getrefcount(big[5])
    assert (during, after) == (count + 1, count)
    assert id(big) not in netprint._retained


@needs_layout
def test_a_changed_big_list_of_numbers_is_held_anew():
    big = [float(i) for i in range(20_000)]
    first: list = []
    netprint.fingerprint(big, first)
    big[3] = -1.0
    second: list = []
    netprint.fingerprint(big, second)
    assert second[0] is not first[0] and second[0][3] == -1.0
    assert len(netprint._retained[id(big)][1]) == 20_000
    netprint.release_unused()
    netprint.release_unused()


@needs_layout
def test_a_big_set_of_strings_keeps_its_items_held_between_regions():
    big = {f"word {i}" for i in range(20_000)}
    first: list = []
    print_ = netprint.fingerprint(big, first)
    netprint.release_unused()
    member = next(iter(big))
    count = sys.getrefcount(member)
    second: list = []
    again = netprint.fingerprint(big, second)
    now = sys.getrefcount(member)
    assert again is print_ and second[0] is first[0] and now == count
    del first, second
    big.discard(member)
    big.add("a new word")
    assert not netprint.unchanged(big, print_)
    netprint.release_unused()
    netprint.release_unused()
    assert id(big) not in netprint._retained


class Doubled(list):
    def __iter__(self):
        return (item * 2 for item in list.__iter__(self))


@pytest.mark.parametrize("size", [50, 20_000])
def test_a_list_subclass_s_own_iteration_is_not_what_is_held(size):
    value = Doubled(i * 7919 + 1_000_003 for i in range(size))
    keep: list = []
    netprint.fingerprint(value, keep)
    assert all(map(operator.is_, keep[0], list.__iter__(value)))
    netprint.release_unused()
    netprint.release_unused()
