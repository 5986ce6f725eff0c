"""Minimal (session 14): a block that tests `k not in memo` and then stores two keys; a
later chunk's block ran first, so the earlier block finds its keys and takes the other
path: omppy prints an order no run of the blocks gives (python: pre-x x pre-y y)."""
import time

memo = {}
order = [["x", "y"], ["y", "x"]]
# omp parallel for schedule(static, 1)
for i in range(2):
    if i == 0:
        time.sleep(0.2)
    for k in order[i]:
        # omp critical
        if k not in memo:
            memo["pre-" + k] = 0
            memo[k] = 1
        # omp end critical
print(list(memo))
