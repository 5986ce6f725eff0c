"""A `parallel for` over `enumerate(zip(orders, prices))`: each iteration changes
the order dict it got from the zip (an alias of an item of a shared list) and stores
a line into a shared list by index."""

orders = [{"id": i, "qty": (i * 7) % 5 + 1, "status": "new"} for i in range(50)]
prices = [round(1.5 + (i % 9) * 0.75, 2) for i in range(50)]
lines = [None] * 50

# omp parallel for
for k, (order, price) in enumerate(zip(orders, prices)):
    order["total"] = round(order["qty"] * price, 2)
    order["status"] = "priced" if order["total"] < 20 else "review"
    lines[k] = f"{order['id']}:{order['total']}"

print(orders[3], orders[8]["status"], lines[:4])
print(sum(o["total"] for o in orders), sum(o["status"] == "review" for o in orders))
