"""collections.deque: appendleft under critical, later sorted."""
from collections import deque

dq = deque(maxlen=100)
# omp parallel for
for i in range(40):
    # omp critical
    dq.appendleft(i * 5)
print(len(dq), sorted(dq)[:4], sum(dq))
