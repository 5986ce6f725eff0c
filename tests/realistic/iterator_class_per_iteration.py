"""A user iterator class (`__iter__`/`__next__` with its own state) made per iteration and drained with `for`, `next()` with a default and `list()`; results stored by index."""


class Countdown:
    def __init__(self, start, step):
        self.value = start
        self.step = step

    def __iter__(self):
        return self

    def __next__(self):
        if self.value <= 0:
            raise StopIteration
        v = self.value
        self.value -= self.step
        return v


out = [None] * 16
# omp parallel for
for i in range(16):
    it = Countdown(i * 5 + 3, i % 4 + 1)
    head = next(it, None)
    rest = list(it)
    out[i] = (head, len(rest), sum(rest), next(it, "done"))
print(out[:4], sum(o[2] for o in out))
