"""A `Counter` updated with `+=` from a per-iteration Counter under critical, a `defaultdict(list)` appended under critical, and an `OrderedDict` whose `move_to_end` runs in `ordered` (python's order)."""

from collections import Counter, OrderedDict, defaultdict

text = ["alpha beta gamma beta", "gamma delta", "alpha alpha omega", "beta delta delta"] * 4
freq = Counter()
where = defaultdict(list)
recent = OrderedDict((w, 0) for w in ["alpha", "beta", "gamma", "delta", "omega"])
# omp parallel for ordered schedule(dynamic)
for i in range(len(text)):
    words = text[i].split()
    local = Counter(words)
    # omp critical
    freq += local
    for w in set(words):
        where[w].append(i)
    # omp end critical
    # omp ordered
    for w in words:
        recent.move_to_end(w)
        recent[w] += 1
    # omp end ordered
print(freq.most_common(3), {k: sorted(v)[:4] for k, v in sorted(where.items())})
print(list(recent.items()))
