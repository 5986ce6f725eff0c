"""Transforming JSON records in parallel: parse, enrich, re-serialise with sorted keys
into a list by index; totals by category under critical."""

import json

raw = [json.dumps({"id": i, "cat": "abc"[i % 3], "qty": (i * 7) % 11, "price": round(1.5 * (i % 9), 2)})
       for i in range(150)]
out = [None] * len(raw)
revenue = {}

# omp parallel for schedule(guided)
for i in range(len(raw)):
    rec = json.loads(raw[i])
    rec["total"] = round(rec["qty"] * rec["price"], 2)
    out[i] = json.dumps(rec, sort_keys=True)
    # omp critical
    revenue[rec["cat"]] = round(revenue.get(rec["cat"], 0) + rec["total"], 2)

print(out[0])
print(out[-1])
print(sorted(revenue.items()))
