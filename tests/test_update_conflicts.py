"""Updates omppy cannot combine are refused at run time rather than half lost.

A synchronisation block hands the team the whole value of what it changes; item
stores made outside such blocks travel as records.  The two cannot be merged without
losing updates, so a region that does both fails with an error naming the object.
"""

from __future__ import annotations

import pytest
from helpers import run_omppy, run_python

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
    source, name = MIXED[case]
    script = write("mixed.py", source)
    got = run_omppy("run", str(script), threads=2)
    assert got.status == 1, got.out
    assert f"OmpError: '{name}' was changed both inside a synchronisation block" in got.err
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
