"""A memo filled in the critical block itself: when a name is new, its prefix entry is
stored first and then the name; each chunk meets the names in its own order."""
import time

memo = {}
order = [["x", "y", "w"], ["y", "x", "v"]]
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
