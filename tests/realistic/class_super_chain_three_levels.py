"""A three-level class hierarchy where each update() extends super().update();
objects of all three kinds are updated in a parallel loop, one per iteration."""


class Base:
    def __init__(self, k):
        self.k = k
        self.trace = []
        self.value = k

    def update(self, t):
        self.value += t
        self.trace.append("B")


class Mid(Base):
    def update(self, t):
        super().update(t)
        self.value *= 2
        self.trace.append("M")


class Leaf(Mid):
    def update(self, t):
        self.trace.append("L")
        super().update(t)
        self.value -= self.k


objs = [(Base, Mid, Leaf)[i % 3](i) for i in range(90)]

for t in range(1, 4):
    # omp parallel for
    for i in range(len(objs)):
        objs[i].update(t)

print(sum(o.value for o in objs), "".join(objs[2].trace), "".join(objs[1].trace))
