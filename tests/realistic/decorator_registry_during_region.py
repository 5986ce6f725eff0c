"""Scoring rules registered by a decorator while the region runs: each iteration
defines a rule (a closure over its parameters) and registers it under critical in a
module-level registry; the rules are applied after the region."""

RULES = {}


def rule(name):
    def register(fn):
        # omp critical(rules)
        RULES[name] = fn
        return fn

    return register


# omp parallel for
for k in range(12):
    w = (k % 4) + 1

    @rule(f"r{k:02d}")
    def score(x, w=w, k=k):
        return (x * w + k) % 11


print(sorted(RULES))
print([RULES[name](7) for name in sorted(RULES)])
