"""A helper deletes a key and adds it again with the same value (`del d[k]; d[k] = v`),
a recency list kept in a dict, under critical."""
import time

last_seen = {}
MARK = "x"


def bump(k):
    if k in last_seen:
        del last_seen[k]  # noqa: RUF051  (del, then set again: the point)
    last_seen[k] = MARK


chunks = [["p", "q", "p"], ["q", "r"]]
# omp parallel for schedule(static, 1)
for c in range(2):
    if c == 0:
        time.sleep(0.2)
    for k in chunks[c]:
        # omp critical
        bump(k)
print(list(last_seen))
