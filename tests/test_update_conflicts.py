"""Updates omppy cannot combine are refused at run time rather than half lost.

A synchronisation block hands the team the whole value of what it changes; item
stores made outside such blocks travel as records.  The two cannot be merged without
losing updates, so a region that does both fails with an error naming the object.
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


@pytest.mark.parametrize("case", sorted(MIXED))
def test_published_and_stored_object_is_refused(write, case):
    source, _ = MIXED[case]
    script = write("mixed.py", source)
    got = run_omppy("run", str(script), threads=2)
    assert got.status == 1, got.out
    assert "OmpError: a shared object was changed both inside a synchronisation block" in got.err
    assert "between the same two barriers" in got.err
    assert got.out == ""


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


def test_one_object_under_two_locks_is_refused(write):
    script = write(
        "locks.py",
        'stats = {"hits": 0, "log": []}\n'
        "# omp parallel for\n"
        "for i in range(20):\n"
        "    # omp atomic\n"
        '    stats["hits"] += 1\n'
        "    # omp critical\n"
        '    stats["log"].append(i)\n'
        "print(stats)\n",
    )
    got = run_omppy("run", str(script), threads=2)
    assert got.status == 1
    assert (
        "'stats' was changed under two different locks ('# omp atomic' and '# omp critical')"
        in got.err
    )


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


def test_two_threads_changing_one_item_by_method_is_refused(write):
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
    assert got.status == 1
    assert "two threads changed the same item of a shared object" in got.err
