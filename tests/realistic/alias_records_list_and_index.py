"""Records held in a list and in a dict index by name (the same objects); the loop
walks the index's keys in sorted order and updates records through the dict; the
list is printed."""

records = [{"name": f"s{(i * 7) % 50:02d}", "score": i, "tags": []} for i in range(50)]
index = {r["name"]: r for r in records}
keys = sorted(index)
# omp parallel for
for k in range(len(keys)):
    r = index[keys[k]]
    r["score"] = r["score"] * 2 + k
    if r["score"] % 3 == 0:
        r["tags"].append("tri")
    r["rank"] = k
print([(r["name"], r["score"], r["rank"]) for r in records[:5]])
print(sum(len(r["tags"]) for r in records), sum(r["rank"] for r in records))
