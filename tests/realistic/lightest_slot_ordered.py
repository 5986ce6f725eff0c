"""An item found by a helper function that searches a list of objects."""
class Slot:
    def __init__(self, i):
        self.i = i
        self.load = 0
        self.jobs = []

slots = [Slot(i) for i in range(5)]

def lightest(ss):
    return min(ss, key=lambda s: (s.load, s.i))

# omp parallel for ordered
for j in range(25):
    w = (j * 7) % 5 + 1
    # omp ordered
    if True:
        s = lightest(slots)
        s.load += w
        s.jobs.append(j)
print([(s.i, s.load, s.jobs) for s in slots])
