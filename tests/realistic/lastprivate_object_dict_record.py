"""`lastprivate` of an object (a dict record built per iteration) and of a list, read after the loop (the sequentially last iteration's), next to results stored by index."""

N = 17
record = None
trail = None
sq = [0] * N
# omp parallel for lastprivate(record, trail) schedule(dynamic, 2)
for i in range(N):
    record = {"i": i, "sq": i * i, "tags": [t for t in ("even", "big") if (t == "even" and i % 2 == 0) or (t == "big" and i > 10)]}
    trail = [i - 1, i, i + 1]
    sq[i] = record["sq"]
print(record, trail, sum(sq))
