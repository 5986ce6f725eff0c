"""`functools.reduce` in the body folding each row, and an `Enum` state machine per item whose final states are counted under critical into a dict keyed by the enum members."""

import enum
from functools import reduce


class State(enum.Enum):
    IDLE = 0
    RUN = 1
    DONE = 2
    FAIL = 3


def advance(s, x):
    if s is State.IDLE:
        return State.RUN if x % 2 else State.IDLE
    if s is State.RUN:
        return State.DONE if x % 5 == 0 else (State.FAIL if x % 7 == 0 else State.RUN)
    return s


rows = [[(i * j + i) % 17 for j in range(8)] for i in range(30)]
folded = [0] * 30
final = {}
# omp parallel for
for i in range(30):
    folded[i] = reduce(lambda a, b: (a * 31 + b) % 1009, rows[i], 7)
    s = reduce(advance, rows[i], State.IDLE)
    # omp critical
    final[s] = final.get(s, 0) + 1
    # omp end critical
print(sum(folded), sorted((k.name, v) for k, v in final.items()))
