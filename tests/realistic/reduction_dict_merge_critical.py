"""OMP4Py's wordcount example: each thread counts into its own dict in a `for`, then
merges it into the shared dict under critical (adding, not replacing)."""

import random

random.seed(3)
vocab = ["alpha", "beta", "gamma", "delta", "eps", "zeta", "eta", "theta"]
lines = [" ".join(random.choice(vocab) for _ in range(12)) for _ in range(150)]
count = {}

# omp parallel
if True:
    local_count = {}
    # omp for
    for i in range(len(lines)):
        for word in lines[i].split():
            local_count[word] = local_count.get(word, 0) + 1
    # omp critical
    for word, c in local_count.items():
        count[word] = count.get(word, 0) + c
    # omp end critical

print(sorted(count.items()), sum(count.values()))
