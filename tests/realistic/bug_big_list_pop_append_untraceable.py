"""NOW AN ERROR (session 11, found by s11-check): a 20,000-item global list, beyond the net, popped and appended to through `globals()["big"]` in one iteration: the new object took the freed item's address, so length and item pointers looked unchanged (python `-1 20000`, omppy at 2 threads `19999 20000`, exit 0). The list's items are now held for the region, and the change is an error naming `big`."""

class Obj:
    def __init__(self, v):
        self.v = v

big = [Obj(i) for i in range(20_000)]


def poke(i):
    if i == 12:
        g = globals()["big"]
        g.pop()
        g.append(Obj(-1))


# omp parallel for
for i in range(16):
    poke(i)
print(big[-1].v, len(big))
