"""TF-IDF: term frequencies per document computed in a parallel loop (one dict per
document, stored by index); document frequencies merged into a shared Counter under
critical; the scores computed in a second parallel loop."""

import math
from collections import Counter

VOCAB = ["data", "model", "thread", "python", "omp", "array", "graph", "node", "loop"]
docs = [[VOCAB[(d * 3 + k * k) % len(VOCAB)] for k in range(5 + d % 7)] for d in range(80)]
tf = [None] * len(docs)
df = Counter()

# omp parallel for
for d in range(len(docs)):
    c = Counter(docs[d])
    n = len(docs[d])
    tf[d] = {w: k / n for w, k in c.items()}
    # omp critical
    df.update(set(c))

idf = {w: math.log(len(docs) / df[w]) for w in df}
best = [None] * len(docs)

# omp parallel for
for d in range(len(docs)):
    scores = {w: round(tf[d][w] * idf[w], 6) for w in tf[d]}
    best[d] = max(sorted(scores), key=lambda w: scores[w])

print(sorted(df.items()))
print(Counter(best).most_common())
