"""Stock left after orders: `reduction(-:stock)` on a Counter of items, and
`reduction(-:budget)` on a float; orders processed per item."""

from collections import Counter

stock = Counter({"bolt": 500, "nut": 800, "gear": 120, "belt": 60})
budget = 10000.0
items = sorted(stock)
price = {"bolt": 0.25, "nut": 0.1, "gear": 4.5, "belt": 12.0}
# omp parallel for reduction(-:stock,budget) schedule(dynamic, 5)
for order in range(200):
    item = items[(order * 7) % 4]
    qty = (order % 9) + 1
    stock -= Counter({item: qty})
    budget -= qty * price[item]
print(sorted(stock.items()), round(budget, 6))
