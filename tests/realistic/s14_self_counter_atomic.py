"""An object counts events with `self.hits += 1` under atomic inside a method called
from a parallel loop, and a plain attribute under critical."""
import time


class Meter:
    def __init__(self):
        self.hits = 0
        self.total = 0

    def observe(self, x):
        # omp atomic
        self.hits += 1
        # omp critical
        self.total += x
        # omp end critical


m = Meter()
# omp parallel for schedule(static, 1)
for i in range(20):
    if i == 0:
        time.sleep(0.2)
    m.observe(i * i)
print(m.hits, m.total)
