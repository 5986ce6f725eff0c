"""Objects that change on a read (a lazy table's ``__getitem__``) and ``zip`` work
queues: how the replica watches and carries them (docs/data-sharing.md, what is
not carried back)."""

from __future__ import annotations

import functools
import weakref

import pytest

from omppy.runtime.errors import OmpError
from omppy.runtime.objects import caches_on_read
from omppy.runtime.opaque import ZipShadow, special_shadow
from omppy.runtime.replica import CLOSURE_DEPTH, Replica


class Lazy:
    def __init__(self):
        self.cache = {}

    def __getitem__(self, k):
        if k not in self.cache:
            self.cache[k] = k * k
        return self.cache[k]


class ThroughHelper:
    def __init__(self):
        self.seen = []

    def __contains__(self, k):
        return self._note(k)

    def _note(self, k):
        self.seen.append(k)
        return True


class Plain:
    def __init__(self, items):
        self.items = items

    def __getitem__(self, k):
        return self.items[k]


def test_a_read_hook_that_stores_or_mutates_is_found():
    assert caches_on_read(Lazy)
    assert caches_on_read(ThroughHelper)  # through a method of the class it calls
    assert not caches_on_read(Plain)


def test_an_object_that_caches_on_read_is_watched_deeper_and_by_every_block():
    table, plain = Lazy(), Plain([[1], [2]])
    replica = Replica()
    replica.watch(table, 1, "table")
    replica.watch(plain, 1, "plain")
    token = replica.token_of(table)
    assert replica.depths[token] == CLOSURE_DEPTH and token in replica.always
    assert replica.token_of(table.cache) is not None  # its cache is compared too
    assert replica.depths[replica.token_of(plain)] == 1
    table[3]
    assert replica.changes_under([], closed=False)  # found by a block's comparison


def test_a_zip_of_sequence_iterators_is_carried_by_positions():
    names, sizes = ["a", "b", "c"], [1, 2, 3]
    here, there = zip(names, sizes, strict=False), zip(names, sizes, strict=True)
    shadow = special_shadow(here)
    other = special_shadow(there)
    assert isinstance(shadow, ZipShadow) and isinstance(other, ZipShadow)
    assert next(here) == ("a", 1)
    change = shadow.diff(here)
    assert change is not None
    other.apply(there, change)
    assert next(there) == ("b", 2) and other.diff(there) is not None
    assert list(here) == [("b", 2), ("c", 3)]
    other.apply(there, shadow.diff(here))  # exhausted: the other runs to its end
    assert next(there, None) is None


def test_a_zip_of_other_iterators_is_not_a_zip_shadow():
    assert not isinstance(special_shadow(zip((x for x in "ab"), [1, 2], strict=False)), ZipShadow)


class Cached:
    def __init__(self, n):
        self.n = n

    @functools.cached_property
    def square(self):
        return self.n * self.n


def test_a_list_of_objects_with_a_cached_property_is_watched_through_its_items():
    items = [Cached(i) for i in range(5)]
    replica = Replica()
    replica.watch(items, 1, "items")
    assert caches_on_read(Cached)
    assert replica.depths[replica.token_of(items)] == 2
    assert replica.token_of(items[2]) in replica.always
    assert items[2].square == 4
    assert replica.changes_under([], closed=False)


def test_a_closures_memo_dict_is_compared_by_every_block():
    def memoize(fn):
        cache = {}

        def wrapper(n):
            if n not in cache:
                cache[n] = fn(n)
            return cache[n]

        return wrapper

    double = memoize(lambda n: 2 * n)
    replica = Replica()
    replica.watch_function(double, 2, "double")
    double(4)
    labels = [replica.label_of(token) for token, _ in replica.changes_under([])]
    assert labels == ["cache in double's closure"]


def test_a_payload_that_cannot_be_pickled_is_an_error_naming_it():
    replica = Replica()
    names = {"n": 3, "cache": weakref.WeakValueDictionary()}
    with pytest.raises(AttributeError) as raised:
        replica.dump_changes([], 0, "critical", names)
    error = replica.cannot_hand(raised.value, [], (names,))
    assert isinstance(error, OmpError)
    # (3.13's pickle error text takes the "bound in a synchronisation block" branch)
    assert str(error).startswith("the value of 'cache' (a WeakValueDictionary)")
    assert "cannot be handed between omppy's threads" in str(error)
