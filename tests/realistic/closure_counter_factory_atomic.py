"""Counters from a factory (a closure over a one-item list) bumped under atomic."""


def make_counter():
    box = [0]

    def inc(n=1):
        # omp atomic
        box[0] += n
        return None

    def get():
        return box[0]

    return inc, get


inc, get = make_counter()
inc2, get2 = make_counter()
# omp parallel for
for i in range(50):
    inc(i)
    if i % 2:
        inc2()
print(get(), get2())
