"""A collection class whose __iter__ counts how many times it was iterated
(instrumentation kept on the object), iterated under critical from the loop."""


class Bag:
    def __init__(self, items):
        self.items = list(items)
        self.iterations = 0

    def __iter__(self):
        self.iterations += 1
        return iter(self.items)


bag = Bag(range(10))
out = [0] * 20
# omp parallel for
for i in range(20):
    # omp critical
    out[i] = sum(x * i for x in bag)
    # omp end critical

print(sum(out), bag.iterations)
