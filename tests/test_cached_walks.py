"""What a region's watch keeps from the last region (session 7, issue 9's check cost):
a big list's fingerprint reused while memcmp finds its items unchanged (netprint.py),
a class's shadow verdict (shadow.py), a level of a plain module's global counted by
lengths (replica._few_below).  Each program changes the data between two regions, or
in the second: the change is still carried, or an error, never lost, and no change is
reported that the region did not make."""

from __future__ import annotations

import pytest
from helpers import run_omppy, run_python

pytestmark = pytest.mark.slow

BIG_LIST_BETWEEN_REGIONS = """\
big = [0] * 20000


def change(name, i):
    {change}


for round_ in range(2):
    # omp parallel for
    for i in range(4):
        change("big", i)
    big[7 + round_] = round_ + 1  # between the regions: the master's own store
print(sum(big))
"""


@pytest.mark.parametrize("threads", [2, 3])
def test_a_big_list_changed_between_regions_is_no_change_of_the_next(write, threads):
    # The fingerprint kept from the first region no longer matches: it is taken
    # again, so the second region sees no change it did not make.
    script = write("between.py", BIG_LIST_BETWEEN_REGIONS.format(change="pass"))
    got = run_omppy("run", str(script), threads=threads)
    assert got.status == 0, got.err
    assert got.out == run_python(script).out == "3\n"


def test_a_big_list_changed_through_globals_in_the_second_region_is_an_error(write):
    source = BIG_LIST_BETWEEN_REGIONS.format(
        change='if round_ == 1:\n        globals()[name][i] = i + 1000'
    ).replace("def change(name, i):", "def change(name, i):\n    global round_")
    script = write("second.py", source)
    got = run_omppy("run", str(script), threads=2)
    assert got.status == 1, got.out
    assert "changed big (a list of 20,000 items) through a path omppy does not" in got.err
    carried = run_omppy("run", "--check", str(script), threads=2)
    assert carried.status == 0, carried.err
    assert carried.out == run_python(script).out


KEEPER = """\
_held = {}


def keep(t):
    _held["t"] = t


def store(i):
    _held["t"]["a"][i] = i


def look(i):
    return _held["t"]["a"][i]
"""

RESIZED = """\
import keeper_resized

table = {{"a": [0] * {first}}}
keeper_resized.keep(table)

# omp parallel for
for i in range(100):
    keeper_resized.{call}(i)
first = sum(table["a"])
table["a"] = [0] * {second}  # between the regions: smaller or bigger
# omp parallel for
for i in range(100):
    keeper_resized.store(i)
print(first, sum(table["a"]))
"""


@pytest.mark.parametrize("threads", [2, 3])
def test_a_plain_modules_global_that_shrank_between_regions_is_compared_deep_again(
    write, threads
):
    # Too many items below it in the first region, which only reads it, and few in
    # the second: compared four levels down there, the helper's stores carried.
    write("keeper_resized.py", KEEPER)
    script = write("shrank.py", RESIZED.format(first=12000, call="look", second=100))
    got = run_omppy("run", str(script), threads=threads)
    assert got.status == 0, got.err
    assert got.out == run_python(script).out


def test_a_plain_modules_global_that_grew_between_regions_is_the_deep_nets(write):
    # Few items below it in the first region (carried), too many in the second:
    # a store there is the deep net's error, not carried as if still small.
    write("keeper_resized.py", KEEPER)
    script = write("grew.py", RESIZED.format(first=100, call="store", second=12000))
    got = run_omppy("run", str(script), threads=3)
    assert got.status == 1, got.out
    assert "changed table['a']" in got.err and "through a path omppy does not" in got.err


OBJECTS_BETWEEN_REGIONS = """\
class Particle:
    def __init__(self, i):
        self.x = float(i)
        self.history = []


particles = [Particle(i) for i in range(50)]
for round_ in range(3):
    # omp parallel for
    for p in particles:
        p.x = p.x * 0.5 + round_
        p.history.append(round(p.x, 3))
    particles[round_] = Particle(-round_)  # a new object of the class between regions
    particles[round_ + 10].history = [round_]
print(sum(p.x for p in particles), sum(len(p.history) for p in particles))
"""


@pytest.mark.parametrize("threads", [2, 3])
def test_new_objects_of_a_watched_class_between_regions_are_carried(write, threads):
    script = write("objects_between.py", OBJECTS_BETWEEN_REGIONS)
    got = run_omppy("run", str(script), threads=threads)
    assert got.status == 0, got.err
    assert got.out == run_python(script).out


def test_the_collector_waits_while_a_region_is_watched(monkeypatch):
    # 10,000 objects watched make 30,000 shadows' objects: no collection meanwhile
    # (docs/benchmarks.md, session 8), and the collector's state is given back.
    import gc

    from omppy.runtime import watch

    seen = []
    monkeypatch.setattr(watch, "_build_replica", lambda *args: seen.append(gc.isenabled()))
    assert gc.isenabled()
    watch.build_replica({}, None, None)  # type: ignore[arg-type]
    assert seen == [False] and gc.isenabled()
    gc.disable()
    try:
        watch.build_replica({}, None, None)  # type: ignore[arg-type]
        assert seen == [False, False] and not gc.isenabled()
    finally:
        gc.enable()


def test_a_module_walk_passes_over_code_and_numbers_at_once(monkeypatch):
    # watch_namespace skips what the net and watch() would record nothing for
    # (docs/benchmarks.md, session 8): the tables are what they were without the skip.
    import types

    from omppy.runtime import replica as replica_module

    def counter():
        seen = []

        def count():
            seen.append(1)  # a closure: its cell is watched

        return count

    namespace = {
        "__name__": "walked",
        "os": types,
        "n": 3,
        "name": "x",
        "Kind": type("Kind", (), {"__module__": "other"}),
        "length": len,
        "helper": lambda: None,
        "count": counter(),
        "data": [1, [2]],
    }

    def walked():
        replica = replica_module.Replica()
        replica.watch_namespace(namespace, 2, "walked.", deeper=5)
        return (
            dict(replica.tokens),
            {t: str(replica_module.render_label(label)) for t, label in replica.labels.items()},
            dict(replica.depths),
            sorted(map(str, replica.shadows)),
            list(replica.always),
        )

    fast = walked()
    monkeypatch.setattr(replica_module, "_PASSED", frozenset())
    assert fast == walked()
