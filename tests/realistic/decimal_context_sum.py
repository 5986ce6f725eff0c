"""Money arithmetic with `decimal.Decimal` under a context set by the program
(precision and rounding), a `+` reduction of Decimals and quantized per-line
amounts (and thirds of them, rounded to the context) stored by index."""

from decimal import ROUND_HALF_EVEN, Decimal, getcontext

getcontext().prec = 12
getcontext().rounding = ROUND_HALF_EVEN
prices = [Decimal(f"{(i * 37) % 500}.{(i * 7) % 100:02d}") for i in range(120)]
rate = Decimal("0.0825")
lines = [None] * len(prices)
thirds = [None] * len(prices)
total = Decimal(0)

# omp parallel for reduction(+:total)
for i in range(len(prices)):
    tax = (prices[i] * rate).quantize(Decimal("0.01"))
    lines[i] = prices[i] + tax
    total += lines[i]
    thirds[i] = lines[i] / 3

print(lines[:3], thirds[:3], total, getcontext().prec)
