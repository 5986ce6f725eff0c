"""Minimal (session 14): a helper of another module of the program (`s14pkg.memo.mark`,
no noted twin) sets keys again under critical: python [b, a], omppy [a, b]."""
import time

from s14pkg import memo

orders = [["b", "a"], ["a", "b"]]
# omp parallel for schedule(static, 1)
for i in range(2):
    if i == 0:
        time.sleep(0.2)
    for k in orders[i]:
        # omp critical
        memo.mark(k)
print(list(memo.SEEN))
