"""A 3-D parameter grid: `collapse(2)` over two ranges, the inner body walking an
`itertools.product` of options; every cell a dict of its best option."""

import itertools

alphas = [0.1 * a for a in range(6)]
betas = [0.5 * b for b in range(5)]
options = list(itertools.product(range(3), ("lin", "sq")))
best = [[None] * len(betas) for _ in alphas]

# omp parallel for collapse(2) schedule(dynamic)
for i in range(len(alphas)):
    for j in range(len(betas)):
        scored = []
        for k, kind in itertools.product(range(3), ("lin", "sq")):
            base = alphas[i] * k + betas[j]
            score = base if kind == "lin" else base * base
            scored.append((round(score, 9), k, kind))
        best[i][j] = {"score": max(scored)[0], "arg": max(scored)[1:]}

print(best[0][0], best[-1][-1], sum(c["score"] for row in best for c in row))
