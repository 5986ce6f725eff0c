"""A module-level lambda memoises squares with setdefault; called under critical."""
import time

squares = {}
sq = lambda k: squares.setdefault(k, k * k)

chunks = [[9, 2, 5], [5, 9, 1]]
acc = 0
# omp parallel for schedule(static, 1) reduction(+:acc)
for c in range(2):
    if c == 0:
        time.sleep(0.2)
    for k in chunks[c]:
        # omp critical
        acc += sq(k)
print(acc, list(squares))
