"""Changes of one shared object by several threads: combined where they touch
different places, refused (an error naming the object and the place) where two
threads changed one place differently, never half lost.

Each thread's changes since the last synchronisation point are compared with what the
team agreed on then (docs/data-sharing.md), so stores in a loop and updates inside
critical or atomic blocks combine when they touch different items, keys or attributes.
"""

from __future__ import annotations

import pytest
from helpers import run_omppy, run_python

# Every test runs programs end to end: not in the quick suite (pytest -m "not slow").
pytestmark = pytest.mark.slow

MIXED = {
    "critical-and-stores": (
        "out = [0] * 11\n"
        "# omp parallel for\n"
        "for i in range(10):\n"
        "    out[i] = i * i\n"
        "    # omp critical\n"
        "    out[10] += 1\n"
        "print(out)\n",
        "out",
    ),
    "atomic-attribute-and-item-stores": (
        "class Acc:\n"
        "    def __init__(self, n):\n"
        "        self.data = [0] * n\n"
        "        self.count = 0\n"
        "    def run(self):\n"
        "        # omp parallel for\n"
        "        for i in range(len(self.data)):\n"
        "            self.data[i] = i * 2\n"
        "            # omp atomic\n"
        "            self.count += 1\n"
        "        return self\n"
        "a = Acc(9).run()\n"
        "print(a.data, a.count)\n",
        "self",
    ),
}


@pytest.mark.parametrize("threads", [2, 3, 4])
@pytest.mark.parametrize("case", sorted(MIXED))
def test_stores_and_a_block_on_other_places_of_one_object_combine(write, case, threads):
    source, _ = MIXED[case]
    script = write("mixed.py", source)
    got = run_omppy("run", str(script), threads=threads)
    assert got.status == 0, got.err
    assert got.out == run_python(script).out


def test_a_team_of_one_runs_it_as_python_does(write):
    source, _ = MIXED["critical-and-stores"]
    script = write("mixed.py", source)
    got = run_omppy("run", str(script), threads=1)
    assert got.status == 0, got.err
    assert got.out == run_python(script).out


def test_stores_and_a_published_name_apart_are_fine(write):
    script = write(
        "apart.py",
        "out = [0] * 10\ncount = 0\n"
        "# omp parallel for\n"
        "for i in range(10):\n"
        "    out[i] = i * i\n"
        "    # omp critical\n"
        "    count += 1\n"
        "print(out, count)\n",
    )
    got = run_omppy("run", str(script), threads=2)
    assert got.status == 0, got.err
    assert got.out == run_python(script).out


def test_a_second_ordered_block_in_one_iteration_is_refused(write):
    script = write(
        "twice.py",
        "out = []\n"
        "# omp parallel for ordered\n"
        "for i in range(6):\n"
        "    for j in range(2):\n"
        "        # omp ordered\n"
        "        out.append((i, j))\n"
        "print(out)\n",
    )
    got = run_omppy("run", str(script), threads=2, timeout=20)
    assert got.status == 1
    assert "'# omp ordered' ran a second time in one iteration of the loop" in got.err


def test_two_places_of_one_object_under_two_locks_combine(write):
    script = write(
        "locks.py",
        'stats = {"hits": 0, "log": []}\n'
        "# omp parallel for\n"
        "for i in range(20):\n"
        "    # omp atomic\n"
        '    stats["hits"] += 1\n'
        "    # omp critical\n"
        '    stats["log"].append(i)\n'
        'print(stats["hits"], sorted(stats["log"]))\n',
    )
    got = run_omppy("run", str(script), threads=2)
    assert got.status == 0, got.err
    assert got.out == run_python(script).out


def test_numbers_and_shared_arrays_under_two_locks_are_fine(write):
    # A rebound number is last-writer-wins; an array is shared memory, never published.
    script = write(
        "fine.py",
        "import numpy as np\n"
        "hist = np.zeros(4, dtype=int)\n"
        "a, b = {}, {}\n"
        "# omp parallel for\n"
        "for i in range(12):\n"
        "    if i % 2:\n"
        "        # omp atomic\n"
        "        hist[0] += 1\n"
        "    else:\n"
        "        # omp critical\n"
        "        hist[1 + i % 3] += 1\n"
        "    # omp critical(A)\n"
        "    for k in range(2):\n"
        "        a[k] = a.get(k, 0) + i\n"
        "    # omp critical(B)\n"
        "    for k in range(3):\n"
        "        b[k] = b.get(k, 0) + 1\n"
        "print(hist.tolist(), sorted(a.items()), sorted(b.items()))\n",
    )
    got = run_omppy("run", str(script), threads=2)
    assert got.status == 0, got.err
    assert got.out == run_python(script).out


def test_a_method_that_changes_nothing_called_by_every_thread_is_fine(write):
    script = write(
        "readonly.py",
        "class Cfg:\n"
        "    def __init__(self):\n"
        "        self.scale = 3\n"
        "    def check(self, i):\n"
        "        if i < 0:\n"
        "            raise ValueError(i)\n"
        "cfg = [Cfg()]\n"
        "out = [0] * 8\n"
        "# omp parallel for\n"
        "for i in range(8):\n"
        "    cfg[0].check(i)\n"
        "    out[i] = i * cfg[0].scale\n"
        "print(out)\n",
    )
    got = run_omppy("run", str(script), threads=2)
    assert got.status == 0, got.err
    assert got.out == run_python(script).out


def test_two_threads_changing_parts_of_one_item_by_method_combine(write):
    script = write(
        "blocks.py",
        "class Block:\n"
        "    def __init__(self):\n"
        "        self.cells = [0] * 4\n"
        "    def set(self, j, v):\n"
        "        self.cells[j] = v\n"
        "blocks = [Block() for _ in range(2)]\n"
        "# omp parallel for schedule(static, 1)\n"
        "for i in range(8):\n"
        "    blocks[i // 4].set(i % 4, i * 10)\n"
        "print([b.cells for b in blocks])\n",
    )
    got = run_omppy("run", str(script), threads=2)
    assert got.status == 0, got.err
    assert got.out == run_python(script).out


RACES = {
    # (program, what the message must name)
    "one-item-two-values": (
        "out = [0] * 3\n"
        "# omp parallel for\n"
        "for i in range(8):\n"
        "    out[1] = i\n"
        "print(out)\n",
        "both changed out[1],",
    ),
    "append-from-a-helper": (
        "found = []\n"
        "def record(n):\n"
        "    found.append(n)\n"
        "# omp parallel for\n"
        "for i in range(8):\n"
        "    record(i)\n"
        "print(found)\n",
        "changed the length of found",
    ),
    "attribute-two-values": (
        "class S:\n"
        "    pass\n"
        "s = S()\n"
        "s.best = -1\n"
        "# omp parallel for\n"
        "for i in range(8):\n"
        "    s.best = i\n"
        "print(s.best)\n",
        "both changed s.best,",
    ),
    # Long runs with numpy loaded: the worker's run travels as machine words and the
    # master's own is read off its list (runtime/packing.py, masked.Stretch).
    "long-runs-of-words-same-value": (
        "import numpy\n"
        "out = [0] * 4000\n"
        "# omp parallel\n"
        "for i in range(4000):\n"
        "    out[i] = i * 3\n"
        "print(out[:3])\n",
        "both changed out[1], in the region at",
    ),
    "long-runs-of-words-two-values": (
        "import numpy\n"
        "from omppy import omp_get_thread_num\n"
        "out = [0.0] * 4000\n"
        "# omp parallel\n"
        "for i in range(3000, 4000):\n"
        "    out[i] = i * 0.5 + omp_get_thread_num()\n"
        "print(out[:3])\n",
        "both changed out[3000], in the region at",
    ),
    "same-key-under-two-locks": (
        "import time\n"
        "stats = {'hits': 0}\n"
        "# omp parallel for schedule(static, 1)\n"
        "for i in range(4):\n"
        "    if i % 2:\n"
        "        # omp critical(a)\n"
        "        stats['hits'] = stats['hits'] + (time.sleep(0.3) or 1)\n"
        "    else:\n"
        "        # omp critical(b)\n"
        "        stats['hits'] = stats['hits'] + (time.sleep(0.3) or 1)\n"
        "print(stats)\n",
        "stats['hits']",
    ),
}


@pytest.mark.parametrize("case", sorted(RACES))
def test_a_data_race_is_an_error_naming_the_object_and_place(write, case):
    source, named = RACES[case]
    script = write("race.py", source)
    got = run_omppy("run", str(script), threads=2, timeout=20)
    assert got.status == 1, got.out
    assert "OmpError" in got.err and named in got.err, got.err
    assert "race.py:" in got.err  # where: the interval's source lines
    assert got.out == ""


def test_runs_clash_exactly_where_two_changes_share_an_index():
    """Both ways of finding a clash (a merge of few runs, numpy for many: a partition's
    scattered swaps) find one exactly when an index is in both, and name such an index."""
    import random

    from omppy.runtime import conflict

    rng = random.Random(7)

    def runs(count):
        out, position = [], rng.randrange(5)
        for _ in range(count):
            size = rng.randrange(1, 4)
            out.append((position, [0] * size))
            position += size + rng.randrange(1, 6)
        return out

    def indices(runs_):
        return {i for start, values in runs_ for i in range(start, start + len(values))}

    for _ in range(400):
        a, b = runs(rng.randrange(0, 90)), runs(rng.randrange(0, 90))
        common = indices(a) & indices(b)
        for find in (conflict._clash_runs, conflict._clash_runs_bisect):
            got = find(a, b)
            assert (got is not None) == bool(common)
            if got is not None:
                assert got[0] == "value" and got[1] in common
