"""Exact arithmetic: a Fraction sum by reduction (harmonic numbers) and Decimal
interest computations stored by index with a local context."""

from decimal import Decimal, localcontext
from fractions import Fraction

H = Fraction(0)
# omp parallel for reduction(+:H)
for k in range(1, 60):
    H += Fraction(1, k)

balances = [None] * 12
# omp parallel for
for m in range(12):
    with localcontext() as ctx:
        ctx.prec = 30
        balances[m] = str((Decimal(1000) * (Decimal(1) + Decimal("0.05") / 12) ** (m + 1)).quantize(Decimal("0.0001")))

print(H.numerator % 1000003, H.denominator % 1000003)
print(balances[0], balances[-1])
