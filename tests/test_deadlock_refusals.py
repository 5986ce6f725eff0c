"""Orphaned constructs that would deadlock the team are refused with an error.

The translator rejects a barrier or work share written inside a critical, single,
master or ordered block; reached through a called function it can only be caught at
run time.  Each case here would hang the team; it must instead fail promptly with a
message naming both constructs, and leave no process behind.
"""

from __future__ import annotations

import pytest
from helpers import run_omppy, run_python

# Every test runs programs end to end: not in the quick suite (pytest -m "not slow").
pytestmark = pytest.mark.slow

HELPERS = """\
def sync_point():
    # omp barrier
    pass


def share_work(out):
    # omp for
    for i in range(len(out)):
        out[i] = i


def count_under_lock(counter):
    # omp critical
    counter[0] += 1


def in_order(out, i):
    # omp ordered
    out.append(i)
"""

CASES = {
    "barrier-in-single": (
        "# omp parallel\n# omp single\nhelpers.sync_point()\n",
        "a barrier (an explicit '# omp barrier', or the one ending a 'for', 'sections' "
        "or 'single') was reached inside '# omp single'",
    ),
    "barrier-in-master": (
        "# omp parallel\n# omp master\nhelpers.sync_point()\n",
        "was reached inside '# omp master'",
    ),
    "barrier-in-critical": (
        "# omp parallel\n# omp critical\nhelpers.sync_point()\n",
        "was reached inside '# omp critical'",
    ),
    "for-in-single": (
        "out = [0] * 8\n# omp parallel\n# omp single\nhelpers.share_work(out)\n",
        "a work-sharing construct ('# omp for' or 'sections') was reached inside "
        "'# omp single'",
    ),
    "ordered-in-critical": (
        "out = []\n# omp parallel for ordered\nfor i in range(4):\n"
        "    # omp critical\n    helpers.in_order(out, i)\n",
        "'# omp ordered' was reached inside '# omp critical' (through a called function)",
    ),
    "critical-in-critical": (
        "counter = [0]\n# omp parallel\n# omp critical\nhelpers.count_under_lock(counter)\n",
        "'# omp critical' was reached inside itself (through a called function)",
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_would_deadlock_is_an_error(write, case):
    body, message = CASES[case]
    write("helpers.py", HELPERS)
    script = write("main.py", "import helpers\n" + body)
    got = run_omppy("run", str(script), threads=2, timeout=20)
    assert got.status == 1, got.err
    assert message in got.err
    assert "OpenMP forbids" in got.err
    assert 'main.py", line' in got.err  # the user's frames, not omppy's


@pytest.mark.parametrize("case", ["barrier-in-single", "for-in-single"])
def test_a_team_of_one_runs_them_as_python_does(write, case):
    # One thread cannot deadlock itself: the program runs as it does sequentially.
    body, _ = CASES[case]
    write("helpers.py", HELPERS)
    script = write("main.py", "import helpers\n" + body + "print('done')\n")
    got = run_omppy("run", str(script), threads=1)
    assert got.status == 0, got.err
    assert got.out == run_python(script).out == "done\n"


def test_a_critical_of_another_name_inside_a_critical_is_fine(write):
    write(
        "helpers.py",
        "def bump(counter):\n    # omp critical(inner)\n    counter[0] += 1\n",
    )
    script = write(
        "main.py",
        "import helpers\nfrom omppy import shared\ncounter = shared.zeros(1, dtype=int)\n"
        "# omp parallel\n# omp critical(outer)\nhelpers.bump(counter)\nprint(counter[0])\n",
    )
    got = run_omppy("run", str(script), threads=2)
    assert got.status == 0, got.err
    assert got.out == "2\n"
