"""A class-level dict counting kinds, filled from a method under critical; printed in
insertion order."""


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
    events[i].record()
print(Event.kinds)
