"""A module-level tuple of two lists (accepted, rejected) appended to by a helper under
critical, and a list of dicts (people) updated through the global name in a helper."""

buckets = ([], [])
people = [{"name": f"p{i}", "age": 20 + i % 30, "tags": []} for i in range(40)]


def triage(i):
    # omp critical
    buckets[0 if i % 3 else 1].append(i)


def birthday(i):
    people[i]["age"] += 1
    people[i]["tags"].append("older")


# omp parallel for
for i in range(40):
    triage(i)
    birthday(i)

print(len(buckets[0]), len(buckets[1]), sorted(buckets[1])[:5])
print(sum(p["age"] for p in people), sum(len(p["tags"]) for p in people))
