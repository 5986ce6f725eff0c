"""Functions made inside a parallel loop and kept after it: a lambda per item with its
parameter bound by a default, closures returned by a factory stored under critical,
and counter pairs (`inc`/`get` sharing one `nonlocal` cell) used after the region."""


def make_scaler(k):
    def scale(v):
        return v * k + 1

    return scale


def counter(start):
    n = start

    def inc():
        nonlocal n
        n += 1
        return n

    def get():
        return n

    return inc, get


def fact_maker(base):
    def fact(k):
        return base if k <= 1 else k * fact(k - 1)

    return fact


shifts = [None] * 16
scalers = {}
pairs = [None] * 6
facts = {}
# omp parallel for schedule(dynamic, 2)
for i in range(16):
    shifts[i] = lambda x, i=i: x * i - 3
    if i % 3 == 0:
        s = make_scaler(i)
        # omp critical
        scalers[i] = s
    if i < 6:
        pairs[i] = counter(i * 10)
        pairs[i][0]()
        f = fact_maker(i + 1)
        # omp critical
        facts[i] = f
for inc, _ in pairs:
    inc()
    inc()
print([f(5) for f in shifts])
print(sorted((k, f(2)) for k, f in scalers.items()))
print([get() for _, get in pairs], sorted((k, f(4)) for k, f in facts.items()))
