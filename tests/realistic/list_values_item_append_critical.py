"""`list(boxes.values())[k].items.append(i)` under critical. Session 6 found it refused
by the deep net; an item of `list(d.values())` is now an item of `d`."""
class Box:
    def __init__(self, name):
        self.name = name
        self.items = []
boxes = {n: Box(n) for n in "pqrs"}
# omp parallel for
for i in range(8):
    # omp critical
    list(boxes.values())[i % 4].items.append(i)
print([(b.name, b.items and sorted(b.items)) for b in boxes.values()])
