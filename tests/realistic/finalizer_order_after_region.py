"""Objects with a `__del__` that prints, read in a reduction loop, then dropped one by one after the region: python prints each `del` where it drops the object. The region must leave nothing of them alive (session 11: the master's thread context and its cutter held the region's state in a cycle until a collection, so the dels came at the end)."""

class Noisy:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("del", self.n)

items = [Noisy(i) for i in range(3)]
total = 0
# omp parallel for reduction(+:total)
for i in range(3):
    total += items[i].n
print("total", total)
items.pop()
print("after pop")
items = None
print("end")
