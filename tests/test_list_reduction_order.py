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


# -- the pieces (runtime/reduction.py) ----------------------------------------------


def test_order_free_reductions_keep_one_partial_per_thread():
    import numpy as np

    from omppy.runtime.reduction import order_free

    for op in ("+", "-", "*", "max", "min", "&", "|", "^"):
        assert order_free(op, 3) and order_free(op, True)
    # ``x = x and v`` keeps the first falsy value, or the last: the order matters
    assert not order_free("and", 3) and not order_free("or", 3)
    assert order_free("and", True) and order_free("or", False)
    assert order_free("+", 1.5) and order_free("*", 2j)
    assert not order_free("max", 1.5)  # a NaN or a signed zero: which one survives
    assert order_free("+", np.zeros(3)) and order_free("max", np.int64(2))
    for value in ([], (), "", b"", {}, set(), np.array(["a"], dtype=object), None):
        assert not order_free("+", value)
    assert not order_free(max, 3)  # a function (declared.py): any combiner


def test_pieces_are_folded_by_their_first_iteration_whatever_the_threads():
    from omppy.runtime.reduction import Pieces, combine

    thread0 = Pieces([(0, [0, 1]), (6, [6, 7])])
    thread1 = Pieces([(2, [2, 3]), (4, [4, 5]), (8, [8])])
    out = ["start"]
    assert combine("+", out, [thread1, thread0]) is out
    assert out == ["start", 0, 1, 2, 3, 4, 5, 6, 7, 8]
    assert combine("+", "", [Pieces([(3, "c")]), Pieces([(0, "a"), (1, "b")])]) == "abc"
    assert combine("+", 10, [1, 2]) == 13  # plain partials: thread order, as before
