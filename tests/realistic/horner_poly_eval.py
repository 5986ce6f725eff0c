"""Rosetta-code Horner's rule evaluating a polynomial at many points (a list of
coefficients read-only in the loop), results into a preallocated list; plus the
argmin by a (value, index) reduction."""

coeffs = [-19, 7, -4, 6, 1, -0.5]
xs = [i / 10 - 5 for i in range(101)]
ys = [0.0] * len(xs)
lowest = (float("inf"), -1)


def horner(cs, x):
    acc = 0.0
    for c in reversed(cs):
        acc = acc * x + c
    return acc


# omp parallel for reduction(min:lowest)
for i in range(len(xs)):
    ys[i] = horner(coeffs, xs[i])
    lowest = min(lowest, (ys[i], i))

print(round(sum(ys), 6), lowest)
