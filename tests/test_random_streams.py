"""Every worker has its own random stream, reproducible for a seeded program
(docs/runtime-api.md, "Random numbers")."""

from __future__ import annotations

import pytest
from helpers import run_omppy

# Every test runs programs end to end: not in the quick suite (pytest -m "not slow").
pytestmark = pytest.mark.slow

PROGRAM = """\
import random
import numpy as np
random.seed(5)
np.random.seed(5)
draws = [None] * 4
# omp parallel for schedule(static)
for i in range(4):
    draws[i] = (round(random.random(), 9), round(float(np.random.random()), 9))
print(draws)
"""


def test_seeded_program_repeats_and_threads_differ(write):
    script = write("draws.py", PROGRAM)
    first = run_omppy("run", str(script), threads=2)
    second = run_omppy("run", str(script), threads=2)
    assert first.status == 0, first.err
    assert first.out == second.out
    draws = eval(first.out)
    # Thread 0 owns iterations 0-1, thread 1 iterations 2-3: no repeated numbers.
    assert draws[0] != draws[2]
    assert draws[1] != draws[3]
    assert len({d[0] for d in draws}) == 4
    assert len({d[1] for d in draws}) == 4


def test_numpy_alone_seeded_is_reproducible(write):
    script = write(
        "np_draws.py",
        "import numpy as np\nnp.random.seed(7)\nd = [0.0] * 4\n"
        "# omp parallel for\nfor i in range(4):\n    d[i] = round(float(np.random.random()), 9)\n"
        "print(d)\n",
    )
    runs = {run_omppy("run", str(script), threads=2).out for _ in range(2)}
    assert len(runs) == 1
    assert len(set(eval(runs.pop()))) == 4
