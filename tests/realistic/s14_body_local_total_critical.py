"""A C-style per-iteration total: `s = 0` in the loop body (a C `int s = 0;` declared
in the body is private), then `s += lookup(k)` under critical because the helper
fills a shared memo dict; each iteration stores its own total."""
import time

memo = {}


def lookup(k):
    if k not in memo:
        memo[k] = k * 3 + 1
    return memo[k]


chunks = [[4, 2, 9], [9, 4, 7]]
sums = [0, 0]
# omp parallel for schedule(static, 1)
for c in range(2):
    if c == 0:
        time.sleep(0.2)
    s = 0
    for k in chunks[c]:
        # omp critical
        s += lookup(k)
    sums[c] = s
print(sums, sorted(memo))
