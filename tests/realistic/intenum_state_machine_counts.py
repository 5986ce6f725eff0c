"""A small state machine per order with `IntEnum` states and a transition table in a
dict; final states counted with a `Counter` reduction, steps with `+`."""

from collections import Counter
from enum import IntEnum


class S(IntEnum):
    NEW = 0
    PAID = 1
    SHIPPED = 2
    DONE = 3
    FAILED = 4


NEXT = {
    (S.NEW, "pay"): S.PAID,
    (S.PAID, "ship"): S.SHIPPED,
    (S.SHIPPED, "deliver"): S.DONE,
    (S.NEW, "cancel"): S.FAILED,
    (S.PAID, "refund"): S.FAILED,
}
EVENTS = ["pay", "ship", "deliver", "cancel", "refund"]
finals = Counter()
steps = 0
# omp parallel for reduction(+:finals,steps)
for order in range(400):
    s = S.NEW
    for k in range(6):
        ev = EVENTS[(order * 3 + k * k) % 5]
        nxt = NEXT.get((s, ev))
        if nxt is not None:
            s = nxt
            steps += 1
    finals[s.name] += 1
print(sorted(finals.items()), steps)
