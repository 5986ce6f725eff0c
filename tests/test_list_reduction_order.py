"""Issue 9: an order-dependent reduction (a list under ``+``) is combined in the
order of the iterations that produced it, not in thread order, under a schedule that
deals chunks out of order.  The first chunk's thread is slowed so that the others
take the rest in turns: thread order and iteration order then differ in nearly every
run (the old thread-order combine failed 3 runs out of 3 on each backend)."""

from __future__ import annotations

import pytest
from helpers import run_omppy, run_python

PROGRAM = """\
import time

evens = []
# omp parallel
if True:
    # omp for reduction(+:evens) schedule(dynamic, 2)
    for i in range(40):
        if i < 2:
            time.sleep(0.2)  # the thread that takes the first chunk takes no other
        time.sleep(0.002)  # the others take turns
        if i % 2 == 0:
            evens.append(i)
print(evens)
"""


@pytest.mark.parametrize("backend", ["fork", "threads"])
def test_a_list_reduction_under_a_dynamic_schedule_keeps_pythons_order(write, backend):
    script = write("dynamic_list_reduction.py", PROGRAM)
    expected = run_python(script).out
    assert expected == f"{list(range(0, 40, 2))}\n"
    for _ in range(3):
        got = run_omppy("run", str(script), threads=3, env={"OMPPY_BACKEND": backend})
        assert got.out == expected
