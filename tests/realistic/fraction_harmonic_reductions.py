"""Exact arithmetic with Fraction in reductions: a harmonic sum with + and a product
with *, both starting from Fraction values; Decimal with a local context in a third."""

from decimal import Decimal, localcontext
from fractions import Fraction

h = Fraction(0)
p = Fraction(1)
d = Decimal(0)

# omp parallel for reduction(+:h) reduction(*:p) reduction(+:d)
for k in range(1, 60):
    h += Fraction(1, k)
    p *= Fraction(k + 1, k) if k % 2 else Fraction(k, k + 1)
    with localcontext() as ctx:
        ctx.prec = 30
        d += Decimal(k * k) / Decimal(16)

print(h.numerator % 10**12, h.denominator % 10**12, p, str(d)[:22])
