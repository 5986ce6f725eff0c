"""`del index[k]` on a shared dict and `candidates.discard(k)` on a shared set under critical (a sieve removing multiples), then the survivors printed sorted."""

N = 120
candidates = set(range(2, N))
index = {k: str(k) for k in range(2, N)}
# omp parallel for schedule(dynamic)
for p in range(2, 12):
    for m in range(p * p, N, p):
        # omp critical
        candidates.discard(m)
        if m in index:
            del index[m]  # noqa: RUF051 (the shape under test)
        # omp end critical
print(sorted(candidates)[:15], len(candidates), len(index), sorted(index)[-3:])
