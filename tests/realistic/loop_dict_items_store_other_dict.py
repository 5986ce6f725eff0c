"""`parallel for` over `prices.items()` (a dict's items), storing into another dict under critical and into a list by a precomputed index; a `+` reduction of the totals."""

prices = {f"sku{k:03d}": round(1.5 + (k * 37 % 50) / 10, 2) for k in range(30)}
qty = {name: (k * 3) % 7 for k, name in enumerate(prices)}
pos = {name: k for k, name in enumerate(prices)}
lines = {}
cost = [0.0] * len(prices)
total = 0.0
# omp parallel for reduction(+:total)
for name, price in prices.items():
    c = round(price * qty[name], 2)
    cost[pos[name]] = c
    total += c
    if c > 20:
        # omp critical
        lines[name] = c
        # omp end critical
print(round(total, 2), len(lines), sorted(lines.items())[:3], cost[:4])
