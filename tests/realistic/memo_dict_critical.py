"""Collatz chain lengths with a module-level memo dict shared by all threads: lookups
and inserts under a named critical, as a C programmer would guard a shared hash map."""

memo = {1: 1}


def chain_length(n):
    path = []
    while True:
        # omp critical(memo)
        known = memo.get(n)
        if known is not None:
            break
        path.append(n)
        n = n // 2 if n % 2 == 0 else 3 * n + 1
    length = known
    for m in reversed(path):
        length += 1
        # omp critical(memo)
        memo[m] = length
    return length


lengths = [0] * 300
# omp parallel for schedule(dynamic, 5)
for i in range(1, 301):
    lengths[i - 1] = chain_length(i)

best = max(range(300), key=lambda k: (lengths[k], -k))
print("longest chain below 301 starts at", best + 1, "length", lengths[best])
print("memo entries:", len(memo), "sum of lengths:", sum(lengths))
