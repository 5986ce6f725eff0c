"""`r = next(x for x in records if ...)` then `r["hits"].append(..)`. Session 6 found it
refused by the deep net; an item a generator expression yields is now followed."""
records = [{"id": i, "hits": []} for i in range(10)]
# omp parallel for
for i in range(10):
    r = next(x for x in records if x["id"] == i)
    r["hits"].append(i * i)
print(records)
