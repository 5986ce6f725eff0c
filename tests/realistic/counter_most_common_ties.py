"""Word counts into a shared Counter under critical and into a plain dict by
`d[w] = d.get(w, 0) + 1` in a helper; printed with most_common (ties keep insertion
order) and the dict as it is (python's key order)."""

from collections import Counter

words = [
    "alpha",
    "beta",
    "gamma",
    "delta",
    "beta",
    "alpha",
    "eps",
    "zeta",
    "eta",
    "theta",
    "beta",
    "iota",
    "kappa",
    "lambda",
    "mu",
    "alpha",
    "nu",
    "xi",
    "omicron",
    "pi",
    "rho",
    "gamma",
    "sigma",
    "tau",
] * 3
counts = Counter()
plain = {}


def bump(w):
    plain[w] = plain.get(w, 0) + 1


# omp parallel for schedule(static, 2)
for i in range(len(words)):
    w = words[i]
    # omp critical
    counts[w] += 1
    bump(w)
    # omp end critical

print(counts.most_common(6))
print(plain)
