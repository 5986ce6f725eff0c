"""deque as a ring buffer rotated by master between barrier phases."""
from collections import deque

ring = deque(range(8))
snap = [None] * 4
# omp parallel num_threads(4)
if True:
    for phase in range(4):
        # omp master
        ring.rotate(phase + 1)
        # omp barrier
        # omp single
        snap[phase] = list(ring)
print(snap)
