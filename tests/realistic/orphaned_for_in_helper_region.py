"""Helpers holding orphaned `for` loops (with a reduction and a nowait) called from a
region: the helpers also work when called outside any region."""


def fill(out, scale):
    # omp for
    for i in range(len(out)):
        out[i] = (i * scale) % 17


def total(xs):
    s = 0
    # omp for reduction(+:s)
    for i in range(len(xs)):
        s += xs[i]
    return s


a = [0] * 90
b = [0] * 90
sums = [0, 0]
# omp parallel
if True:
    fill(a, 3)
    fill(b, 5)
    t1 = total(a)
    t2 = total(b)
    # omp single
    if True:
        sums[0] = t1
        sums[1] = t2
c = [0] * 20
fill(c, 7)
print(sums, sum(a), sum(b), total(c))
