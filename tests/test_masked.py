"""Scattered changes to a long list travel as one masked run (runtime/masked.py): the
record says exactly what the runs would, and races are found where both changed."""

from __future__ import annotations

import random

import pytest

from omppy.runtime import conflict, masked, packing, wire
from omppy.runtime.shadow import ListShadow


def _changed(base: list, rng: random.Random, stores: int) -> list:
    live = list(base)
    for _ in range(stores):
        live[rng.randrange(len(live))] = object()
    return live


def _as_runs(change: tuple) -> tuple:
    return change if change[0] == "L" else ("L", masked.runs(change))


def test_few_runs_stay_runs_and_many_become_one_masked_run():
    base = [object() for _ in range(10_000)]
    live = list(base)
    live[5] = object()
    assert ListShadow(base).diff(live)[0] == "L"
    for i in range(0, 10_000, 2):  # 5,000 runs of one item
        live[i] = object()
    change = ListShadow(base).diff(live)
    assert change[0] == "M"
    assert change[1] == 0 and len(change[2]) == 9_999 and len(change[3]) == 5_001


@pytest.mark.parametrize("seed", range(40))
def test_a_masked_change_applies_as_its_runs_would(seed):
    rng = random.Random(seed)
    base = [object() for _ in range(rng.randrange(100, 5_000))]
    live = _changed(base, rng, rng.randrange(70, 2_000))
    change = ListShadow(base).diff(live)
    for form in (change, _as_runs(change), wire._unpacked(wire._packed(change))):
        other = list(base)
        shadow = ListShadow(other)
        shadow.apply(other, form)
        assert all(a is b for a, b in zip(other, live, strict=True))
        assert all(a is b for a, b in zip(shadow.items, live, strict=True))
    if change[0] == "M":
        runs = _as_runs(change)[1]
        expected = [(start + k, value) for start, values in runs for k, value in enumerate(values)]
        assert list(masked.placed(change)) == expected


def test_a_list_subclass_is_changed_through_lists_own_setitem():
    class Loud(list):
        def __setitem__(self, key, value):
            raise AssertionError("the subclass's override was called")

    base = list(range(1_000, 3_000))
    live = list(base)
    for i in range(0, len(live), 3):
        live[i] = -i - 1
    change = ListShadow(base).diff(live)
    assert change[0] == "M"
    target = Loud(base)
    masked.apply(target, change)
    assert list(target) == live


def test_numbers_travel_plainly_pickled(monkeypatch):
    # Without numpy (packing cannot read them in bulk): one pickle of the values.
    monkeypatch.setattr(packing, "examine", lambda *args, **kwargs: None)
    base = [float(i) + 0.5 for i in range(2_000)]
    live = [x * 2 if i % 2 else x for i, x in enumerate(base)]
    change = ListShadow(base).diff(live)
    packed = wire._packed(change)
    assert packed[0] == "M*" and isinstance(packed[3], bytes)
    assert wire._unpacked(packed)[3] == change[3]


def test_numbers_travel_as_words_with_numpy():
    pytest.importorskip("numpy")
    if not packing.ready():
        pytest.skip("layout not probed here")
    base = [float(i) + 0.5 for i in range(2_000)]
    live = [x * 2 if i % 2 else x for i, x in enumerate(base)]
    change = ListShadow(base).diff(live)
    packed = wire._packed(change)
    assert packed[0] == "M#" and packed[3] == "d" and len(packed[4]) == 8 * len(change[3])
    assert wire._unpacked(packed) == change


@pytest.mark.parametrize("seed", range(40))
def test_two_changes_clash_exactly_where_both_changed(seed):
    rng = random.Random(seed)
    n = rng.randrange(200, 4_000)
    base = [object() for _ in range(n)]
    mine = _changed(base, rng, rng.randrange(70, 1_500))
    theirs = _changed(base, rng, rng.choice([1, 3, 200, 1_500]))
    a, b = ListShadow(base).diff(mine), ListShadow(base).diff(theirs)
    both = [i for i in range(n) if mine[i] is not base[i] and theirs[i] is not base[i]]
    for x, y in ((a, b), (b, a), (a, _as_runs(b)), (_as_runs(b), a)):
        found = conflict._clash(x, y)
        assert found == (("value", both[0]) if both else None)
    if both:
        assert conflict._value_at(a, both[0], None) is mine[both[0]]
        assert conflict._value_at(b, both[0], None) is theirs[both[0]]
    outside = next((i for i in range(n) if mine[i] is base[i]), None)
    if outside is not None:
        assert conflict._value_at(a, outside, "missing") == "missing"
