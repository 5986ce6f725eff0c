"""Records nested four levels deep (`db[i]["orders"][j]["lines"][k]`), updated by a
helper that walks one record per iteration."""

db = [
    {"id": i, "orders": [{"lines": [{"qty": (i + j + k) % 4 + 1, "price": 2.5 * k} for k in range(3)],
                          "total": 0.0} for j in range(3)]}
    for i in range(20)
]


def price_record(rec):
    for order in rec["orders"]:
        order["total"] = 0.0
        for line in order["lines"]:
            line["amount"] = line["qty"] * line["price"]
            order["total"] += line["amount"]
    rec["grand"] = sum(o["total"] for o in rec["orders"])


# omp parallel for
for i in range(len(db)):
    price_record(db[i])

print([r["grand"] for r in db[:6]], sum(r["grand"] for r in db))
print(db[7]["orders"][2]["lines"][1])
