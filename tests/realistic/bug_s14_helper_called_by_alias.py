"""Minimal (session 14): a module helper called through a dict of handlers (not by
its name) sets keys again under critical: python [b, a], omppy [a, b]."""
import time

seen = {}
def mark(k):
    seen[k] = None
H = {"m": mark}
orders = [["b", "a"], ["a", "b"]]
# omp parallel for schedule(static, 1)
for i in range(2):
    if i == 0:
        time.sleep(0.2)
    for k in orders[i]:
        # omp critical
        H["m"](k)
print(list(seen))
