"""FIXED (minimal, from functor_callbacks): an object with `__call__` that appends to
a list it holds, called under critical (`rec(x)`): calling a name was taken to
change no data: python `[0, 1, 4, 9, 16, 25, 36, 49]`, omppy at 2 threads `[0, 1,
4, 9]` (exit 0). Now a call runs the module's `__call__` in the analysis."""


class Recorder:
    def __init__(self):
        self.seen = []

    def __call__(self, x):
        self.seen.append(x)


rec = Recorder()
# omp parallel for
for i in range(8):
    # omp critical
    rec(i * i)
    # omp end critical
print(sorted(rec.seen))
