"""StagedArrays.stand_in: what a container holds for a region in place of an array
that shares memory with a staged one (docs/data-sharing.md, numpy arrays)."""

from __future__ import annotations

import numpy as np

from omppy.runtime.sharedmem import StagedArrays, is_shared


class Holder:
    pass


def test_a_staged_array_in_a_dict_is_swapped_for_its_copy_and_given_back():
    a = np.arange(6.0)
    box = {"a": a, "other": np.zeros(3)}
    staged = StagedArrays()
    copy = staged.stage(a)
    assert staged.stand_in(box, "a", a) is copy
    assert box["a"] is copy
    assert staged.stand_in(box, "other", box["other"]) is box["other"]  # not aliased
    box["a"][0] = 9.0
    staged.unstage()
    assert box["a"] is a and a[0] == 9.0


def test_a_view_in_an_attribute_becomes_the_same_view_of_the_copy():
    a = np.arange(8.0)
    h = Holder()
    h.top = a[2:5]
    staged = StagedArrays()
    staged.stage(a)
    stand_in = staged.stand_in(h, ("attr", "top"), h.top)
    assert h.top is stand_in and is_shared(stand_in)
    h.top[0] = -1.0
    staged.unstage()
    assert h.top.base is a and a[2] == -1.0


def test_a_view_in_a_tuple_cannot_be_swapped():
    a = np.arange(4.0)
    staged = StagedArrays()
    staged.stage(a)
    view = a[1:]
    assert staged.stand_in((view,), 0, view) is None
    assert staged.stand_in(None, None, view) is None
    staged.unstage()


def test_without_staged_arrays_nothing_is_swapped():
    a = np.arange(4.0)
    box = {"a": a}
    assert StagedArrays().stand_in(box, "a", a) is a and box["a"] is a
