"""Minimal (session 14): a subclass's override delegates with `super().put(k)`; the
base method is twinned, the override (which touches no key itself) is not, so its
keys set again keep the later block's place: python [b, a], omppy [a, b]."""

import time

seen = {}


class A:
    def put(self, k):
        seen[k] = None


class B(A):
    def put(self, k):
        super().put(k)


bb = B()
orders = [["b", "a"], ["a", "b"]]
# omp parallel for schedule(static, 1)
for i in range(2):
    if i == 0:
        time.sleep(0.2)
    for k in orders[i]:
        # omp critical
        bb.put(k)
print(list(seen))
