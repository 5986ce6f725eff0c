"""Minimal (session 14): a staticmethod (a decorated method gets no noted twin) sets
keys again under critical: python [b, a], omppy [a, b]."""
import time


class R:
    names = {}
    @staticmethod
    def add(k):
        R.names[k] = None
orders = [["b", "a"], ["a", "b"]]
# omp parallel for schedule(static, 1)
for i in range(2):
    if i == 0:
        time.sleep(0.2)
    for k in orders[i]:
        # omp critical
        R.add(k)
print(list(R.names))
