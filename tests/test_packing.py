"""Long runs of numbers carried as machine words (runtime/packing.py, session 8): what
the bulk reading of a list's objects finds, exactly; the change records that carry the
words (wire.py), the worker's last part out of band in its report (worker.py,
join.py) and the master's own part read off the live list (masked.Stretch); the
checks for races see through all of them."""

from __future__ import annotations

import math
import pickle
import random
from array import array

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from omppy.runtime import conflict, join, masked, packing, shadow, wire, worker
from omppy.runtime.errors import OmpError
from omppy.runtime.replica import Replica

N = packing.MIN_VALUES + 37

pytestmark = pytest.mark.skipif(not packing.ready(), reason="layout not probed here")


def test_exact_ints_and_floats_are_read_as_their_words():
    ints = [(-1) ** i * (i * 7_919) ** 2 * 1_003 for i in range(N)]  # past 2**31
    assert packing.examine(ints) == ("q", bytearray(array("q", ints).tobytes()))
    floats = [i / 7 for i in range(N)]
    floats[1:4] = [-0.0, math.inf, math.nan]
    code, raw = packing.examine(floats)
    assert code == "d" and bytes(raw) == array("d", floats).tobytes()  # -0.0 and nan bits
    back = packing.unpack(code, raw)
    assert math.copysign(1.0, back[1]) == -1.0 and math.isnan(back[3])
    assert [type(v) for v in packing.unpack("q", packing.examine(ints)[1])] == [int] * N


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(-(2**63) + 1, 2**63 - 1), min_size=N, max_size=3 * N))
def test_any_int64_values_come_back_equal(values):
    code, raw = packing.examine(values)
    assert code == "q" and packing.unpack(code, raw) == values


@pytest.mark.parametrize(
    ("odd", "kind"),
    [
        (2**63, "a"),  # past int64: atomic, pickled
        (-(2**63), "a"),  # int64's own minimum: pickled too (rare)
        (10**30, "a"),
        (True, "a"),  # a bool among ints stays a bool
        ("s", "a"),
        (None, "a"),
        (1.5, "a"),  # a float among ints: not one type
        (np.int64(3), "o"),  # numpy scalars keep their type: pickled
        (type("Tag", (int,), {})(3), "o"),  # an int subclass too
        ([1], "o"),
    ],
)
def test_anything_but_one_exact_type_is_not_packed(odd, kind):
    values = list(range(N))
    values[N // 2] = odd
    assert packing.examine(values) == (kind, None)
    # Not packing, it only tells exact ints (atomic) from the rest.
    assert packing.examine(values, pack=False) == ("q" if type(odd) is int else kind, None)


def test_short_runs_and_other_sequences_are_left_to_pickle():
    assert packing.examine(list(range(packing.MIN_VALUES - 1))) is None
    assert packing.examine(tuple(range(N))) is None  # type: ignore[arg-type]

    class Sub(list):
        pass

    assert packing.examine(Sub(range(N))) is None


def test_a_stretch_of_a_list_is_read_where_it_lies():
    values = ["x"] * 10 + list(range(3 * N)) + ["y"]
    code, raw = packing.examine(values, True, 10, 10 + 2 * N)
    assert code == "q" and packing.unpack(code, raw) == list(range(2 * N))
    assert packing.examine(values, True, 0, 10 + N) == ("a", None)
    assert packing.examine(values, True, 20, 20 + packing.MIN_VALUES - 1) is None


def test_blocks_of_different_types_are_not_packed_as_one():
    size = packing._BLOCK + N
    assert packing.examine([0] * packing._BLOCK + [0.5] * N) == ("a", None)
    huge = list(range(size))
    huge[-1] = 2**64
    assert packing.examine(huge) == ("a", None)
    assert packing.examine(list(range(size)))[0] == "q"


@pytest.mark.parametrize(
    "change",
    [
        ("L", [(3, list(range(N))), (N + 10, [k * 0.5 for k in range(N)])]),
        ("M", 4, b"\x01\x00" * N, list(range(-N, 0))),
        ("S", 2, 5, [k / 3 for k in range(N)]),
    ],
)
def test_list_changes_of_numbers_travel_as_words(change):
    packed = wire._packed(change)
    assert packed[0] == change[0] + "#"
    back = wire._unpacked(pickle.loads(pickle.dumps(packed)))
    assert back == change
    runs = back[1] if back[0] == "L" else [(0, back[3])]
    sent = change[1] if change[0] == "L" else [(0, change[3])]
    for (_, got), (_, values) in zip(runs, sent, strict=True):
        assert [type(v) for v in got] == [type(v) for v in values]


def test_a_list_change_with_one_run_of_objects_is_pickled_as_before():
    change = ("L", [(0, list(range(N))), (N + 1, [True] * N)])
    assert wire._packed(change)[0] == "L*"
    assert wire._unpacked(wire._packed(change)) == change


def _report(live: list, old: list) -> tuple[bytes, Replica]:
    """A worker's report of its last part: ``live`` changed against ``old``."""
    replica = Replica()
    replica.tokens[id(live)] = ("r", 0)
    flags = bytes(a is not b for a, b in zip(live, old, strict=True))
    change = masked.list_change(live, flags, packed=True)
    part = replica.dump_last([(("r", 0), change)])
    chunks = worker._pickle_report(worker.WorkerReport(partials={}, part=(part, 0)), 1)
    body = b"".join(bytes(memoryview(c).cast("B")) for c in chunks)
    return join.HEADER.pack(len(body)) + body, replica


def test_a_workers_last_part_travels_out_of_band_and_lands_a_block_at_a_time():
    size = 2 * packing._BLOCK + 5
    old = [0] * size
    live = list(old)
    live[7 : size - 3] = [k * k for k in range(7, size - 3)]
    data, replica = _report(live, old)
    assert data[join.HEADER.size : join.HEADER.size + 1] == worker.OUT_OF_BAND
    report = join._decode(bytearray(data))
    assert report is not None and type(report.part[0]) is wire.Parcel
    [(token, change)] = replica.load_changes(report.part[0])[0]
    [(start, words)] = change[1]
    assert (token, start, len(words)) == (("r", 0), 7, size - 10)
    assert type(words) is packing.Words and words[0] == 49 and words[len(words) - 1] == live[-4]
    with pytest.raises(IndexError):
        words[len(words)]
    target = list(old)
    shadow.ListShadow(target).apply_last(target, change)
    assert target == live and [type(v) for v in target] == [int] * size


def test_a_report_without_words_is_one_pickle_as_before():
    old = [0] * N
    live = [str(k) if k % 3 else None for k in range(N)]  # atomic, of several types
    data, _ = _report(live, old)
    assert data[join.HEADER.size : join.HEADER.size + 1] == b"\x80"
    assert join._decode(bytearray(data)) is not None


def _delivered(live: list, old: list) -> tuple[bytes, list]:
    """``live``'s changes against ``old`` through a worker's report, put into a copy
    of ``old`` as the master's join puts them."""
    data, replica = _report(live, old)
    report = join._decode(bytearray(data))
    assert report is not None
    [(_, change)] = replica.load_changes(report.part[0])[0]
    target = list(old)
    shadow.ListShadow(target).apply_last(target, change)
    return data, target


STRINGS = [
    "",
    "0123456789abcdef" * 4,
    "déjà vu",
    "日本語",
    "\U0001f600 smile",
    "\ud800 lone",  # a lone surrogate: pickle keeps it, so must this
    "\udfff\ud800",
    "tab\tnew\nline\\",
    "x" * 300,
]


def test_a_run_of_strings_is_found_and_travels_joined_out_of_band(monkeypatch):
    # session 10: 100,000 hashes a worker stored were checked three times and pickled
    # a chunk at a time, the chunks copied into its report and out again in the master
    assert packing.examine([str(k) for k in range(N)]) == ("s", None)
    assert packing.examine([str(k) for k in range(N)], False) == ("s", None)
    assert packing.examine([*map(str, range(N)), 5]) == ("a", None)
    assert packing.examine([*map(str, range(N)), type("S", (str,), {})("x")]) == ("o", None)
    old = [None] * (3 * N)
    live = list(old)
    live[5 : 5 + 2 * N] = [STRINGS[k % len(STRINGS)] + str(k) for k in range(2 * N)]
    monkeypatch.setattr(packing, "STRINGS_BLOCK", 100)  # blocks, the last one short
    data, target = _delivered(live, old)
    assert data[join.HEADER.size : join.HEADER.size + 1] == worker.OUT_OF_BAND
    assert target == live and all(type(v) is str for v in target[5 : 5 + 2 * N])
    assert target[4] is None and target[5 + 2 * N] is None


def test_strings_that_hold_the_separator_travel_pickled_and_arrive_equal():
    old = [None] * N
    live = [f"a\0b{k}" if k == N // 2 else str(k) for k in range(N)]
    assert packing.joined(live, 0, N) is None
    data, target = _delivered(live, old)
    assert data[join.HEADER.size : join.HEADER.size + 1] == b"\x80"
    assert target == live


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(st.lists(st.text(max_size=8), min_size=N, max_size=2 * N))
def test_any_strings_come_back_equal(values):
    raw = packing.joined(values, 0, len(values))
    if any("\0" in v for v in values):
        assert raw is None
        return
    assert raw is not None
    back = packing.unpack("s", [memoryview(block) for block in raw])
    assert back == values and all(type(v) is str for v in back)


def test_the_masters_own_part_is_a_view_of_its_list():
    live = list(range(3 * N))
    flags = bytes(N) + b"\x01" * N + bytes(N)
    change = masked.list_change(live, flags, kept=True)
    [(start, run)] = change[1]
    assert (start, len(run), run[0], list(run)) == (N, N, N, live[N : 2 * N])
    with pytest.raises(IndexError):
        run[N]
    copied = masked.copied(change)
    live[N] = "changed later"
    assert copied[1][0][1][0] == N and run[0] == "changed later"


def test_a_clash_between_a_view_and_words_names_the_place_and_the_value():
    """The master's own run (a view) against a worker's words: the same value at the
    first common index is named as such, another value as a plain race."""
    mine = list(range(2 * N))
    stretch = masked.list_change(mine, b"\x01" * (2 * N), kept=True)
    theirs = ("L", [(N, packing.Words("q", array("q", range(N, 2 * N)).tobytes()))])

    class Labels(Replica):
        def label_of(self, token):
            return "out"

    with pytest.raises(OmpError) as same:
        sources = [("thread 0", [(1, stretch)]), ("thread 1", [(1, theirs)])]
        conflict.check(sources, Labels(), "here")
    assert str(same.value).startswith(
        f"thread 0 and thread 1 both changed out[{N}], here, to the same value (a data race"
    )
    other = ("L", [(N + 1, packing.Words("d", array("d", [0.5] * N).tobytes()))])
    with pytest.raises(OmpError) as differ:
        sources = [("thread 0", [(1, stretch)]), ("thread 1", [(1, other)])]
        conflict.check(sources, Labels(), "here")
    assert str(differ.value).startswith(
        f"thread 0 and thread 1 both changed out[{N + 1}], here (a data race in OpenMP: with "
        "python, one would have seen the other's change)"
    )


def test_the_layout_is_probed_on_known_values():
    assert packing._probe()


def test_random_lists_of_atomic_values_say_atomic():
    rng = random.Random(5)
    pool = [1, 2**70, 0.5, "s", b"b", None, True, 1j]
    for _ in range(20):
        values = [rng.choice(pool) for _ in range(N)]
        assert packing.examine(values) == ("a", None) or len({type(v) for v in values}) == 1
