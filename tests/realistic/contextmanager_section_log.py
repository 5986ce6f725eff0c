"""A `contextlib.contextmanager` that times sections by counting steps; used in a `with`
block inside a parallel loop: each iteration records into its own slot, and a
shared summary is updated under critical after the with block."""

import contextlib


class Steps:
    def __init__(self):
        self.n = 0


@contextlib.contextmanager
def section(slot):
    steps = Steps()
    yield steps
    slot.append(("done", steps.n))


slots = [[] for _ in range(50)]
summary = {"steps": 0, "longest": 0}
# omp parallel for schedule(dynamic, 3)
for i in range(50):
    with section(slots[i]) as s:
        x = i + 1
        while x != 1:
            x = x // 2 if x % 2 == 0 else 3 * x + 1
            s.n += 1
    # omp critical
    summary["steps"] += s.n
    summary["longest"] = max(summary["longest"], s.n)
    # omp end critical

print(summary, slots[:3], slots[26])
