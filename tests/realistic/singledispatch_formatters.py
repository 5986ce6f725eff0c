"""Values of mixed types formatted with a `functools.singledispatch` function (its
registry filled before the region); lengths summed by reduction."""

import functools
from fractions import Fraction


@functools.singledispatch
def fmt(x):
    return f"<{type(x).__name__}>"


@fmt.register
def _(x: int):
    return f"{x:+d}"


@fmt.register
def _(x: float):
    return f"{x:.3e}"


@fmt.register
def _(x: Fraction):
    return f"{x.numerator}/{x.denominator}"


vals = []
for i in range(120):
    vals.append([i - 60, i / 7, Fraction(i, 9), str(i)][i % 4])
out = [""] * len(vals)
total = 0
# omp parallel for reduction(+:total)
for i in range(len(vals)):
    out[i] = fmt(vals[i])
    total += len(out[i])
print(total, out[:6])
