"""Word statistics: per-line Counters merged into a shared Counter under critical,
then a `single` takes `most_common` into a shared list, and a second `for` scores
lines against the top words."""

from collections import Counter

WORDS = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa"]
lines = [" ".join(WORDS[(i * k + i // 3) % len(WORDS)] for k in range(1, 8)) for i in range(60)]
counts = Counter()
top = []
scores = [0] * len(lines)

# omp parallel
# omp for
for i in range(len(lines)):
    c = Counter(lines[i].split())
    # omp critical
    counts.update(c)
    # omp end critical
# omp single
top = [w for w, _ in sorted(counts.most_common(), key=lambda wc: (-wc[1], wc[0]))[:3]]
# omp end single
# omp for
for i in range(len(lines)):
    scores[i] = sum(lines[i].split().count(w) for w in top)
# omp end parallel

print(top, sum(counts.values()), scores[:10], sum(scores))
