"""Minimal (session 14): a dict held as a function attribute (`f.seen`), set in the
block itself, is not among the ordered dicts: python [b, a], omppy [a, b]."""
import time


def f():
    pass
f.seen = {}
orders = [["b", "a"], ["a", "b"]]
# omp parallel for schedule(static, 1)
for i in range(2):
    if i == 0:
        time.sleep(0.2)
    for k in orders[i]:
        # omp critical
        f.seen[k] = None
print(list(f.seen))
