"""A class-level dict counting kinds, filled from a method under critical; printed in
insertion order (iteration 0 sleeps, so a later chunk adds its keys first)."""
import time


class Event:
    kinds = {}

    def __init__(self, kind):
        self.kind = kind

    def record(self):
        # omp critical
        Event.kinds[self.kind] = Event.kinds.get(self.kind, 0) + 1


events = [Event(f"k{(i * 7) % 9}") for i in range(60)]
# omp parallel for
for i in range(60):
    if i == 0:
        time.sleep(0.3)
    events[i].record()
print(Event.kinds)
