"""A parallel loop over a dict's items(): each iteration writes its own key of a second
dict (created before the region) and a reduction totals the values."""

stock = {f"p{i:03d}": (i * 17) % 23 for i in range(180)}
reorder = {k: False for k in stock}
total = 0

# omp parallel for reduction(+:total) schedule(dynamic, 8)
for name, qty in stock.items():
    total += qty
    reorder[name] = qty < 5

print(total, sum(reorder.values()), [k for k, v in reorder.items() if v][:6])
