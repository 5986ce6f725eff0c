"""A helper that takes an item through a method (`entry = rows.get(key)`,
`d.setdefault(k, [])`) and changes it: the alias is an item of the global, watched one
level below it (before: the workers' changes were lost with exit status 0)."""

rows = {f"r{i}": {"n": 0, "tags": []} for i in range(50)}
groups = {}


def touch(key, i):
    entry = rows.get(key)
    entry["n"] += i
    entry["tags"].append(i)


def group(i):
    bucket = groups.setdefault(i % 5, [])
    bucket.append(i)


# omp parallel for
for i in range(50):
    touch(f"r{i}", i)

for i in range(5):
    groups[i] = []

# omp parallel for
for i in range(50):
    # omp critical
    group(i)

print(sum(r["n"] for r in rows.values()), sum(len(r["tags"]) for r in rows.values()))
print({k: sorted(v) for k, v in sorted(groups.items())})
