"""Minimal (session 14): depth-first search from two roots under critical, marking a
visited dict in a recursive helper (test and set adjacent); the second root's search
ran first, so the first one stops at its nodes and never touches 5: python
[1, 2, 4, 5, 3, 6, 7], omppy [1, 2, 4, 3, 6, 5, 7] (an order no run gives)."""

import time

adj = {1: [2, 3], 2: [4], 3: [4], 4: [5], 5: [], 6: [4, 7], 7: []}
visited = {}


def dfs(u):
    if u in visited:
        return
    visited[u] = True
    for v in adj[u]:
        dfs(v)


starts = [1, 6]
# omp parallel for schedule(static, 1)
for i in range(2):
    if i == 0:
        time.sleep(0.2)
    # omp critical
    dfs(starts[i])
    # omp end critical
print(list(visited))
