"""Scoring closures built from a shared config dict before the region; the region calls
them (they only read the config cells) and reduces the best score with max."""


def make_scorer(cfg):
    w = cfg["weights"]
    bias = cfg["bias"]

    def score(vec):
        return sum(a * b for a, b in zip(w, vec)) + bias

    return score


cfg = {"weights": [0.5, -1.25, 2.0, 0.75], "bias": 3}
scorers = [make_scorer(cfg), make_scorer({"weights": [1, 1, 1, 1], "bias": 0})]
vecs = [[(i * k) % 9 - 4 for k in range(1, 5)] for i in range(300)]
best = float("-inf")
total = 0.0

# omp parallel for reduction(max:best) reduction(+:total)
for i in range(len(vecs)):
    s = scorers[i % 2](vecs[i])
    best = max(best, s)
    total += s

print(best, total)
