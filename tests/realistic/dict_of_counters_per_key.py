"""Per-document word statistics: a dict from category to Counter, each Counter updated
under a critical named by the structure; then a `parallel for` over categories
(each iteration owns its Counter) trims rare words in place."""

from collections import Counter

docs = [("sci" if i % 3 == 0 else "art" if i % 3 == 1 else "news",
         " ".join(("alpha", "beta", "gamma", "delta", "eps")[(i * k) % 5] for k in range(1, 8)))
        for i in range(90)]
by_cat = {"sci": Counter(), "art": Counter(), "news": Counter()}

# omp parallel for
for i in range(len(docs)):
    cat, text = docs[i]
    words = Counter(text.split())
    # omp critical(by_cat)
    by_cat[cat] += words
    # omp end critical

cats = sorted(by_cat)
# omp parallel for
for k in range(len(cats)):
    c = by_cat[cats[k]]
    for w in [w for w, n in c.items() if n < 40]:
        del c[w]

print({k: sorted(v.items()) for k, v in sorted(by_cat.items())})
