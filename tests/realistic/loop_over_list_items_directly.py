"""Worksharing loops written over a list and over enumerate() instead of range():
`for rec in records` and `for i, w in enumerate(words)`, with reductions."""

records = [{"id": i, "qty": (i * 7) % 11, "price": 0.5 * (i % 9)} for i in range(250)]
words = [f"tok{(i * 13) % 40}" for i in range(250)]
revenue = 0.0
long_at = []

# omp parallel for reduction(+:revenue)
for rec in records:
    revenue += rec["qty"] * rec["price"]

# omp parallel for
for i, w in enumerate(words):
    if len(w) == 5 and i % 2:
        # omp critical
        long_at.append(i)

print(revenue, len(long_at), sorted(long_at)[:8])
