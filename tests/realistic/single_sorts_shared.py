"""A shared list filled by index in a `for`, sorted in place by a `single` (with a key
function), then read by every thread in a second `for` (ranks)."""

n = 60
scores = [None] * n
ranks = [0] * n

# omp parallel
if True:
    # omp for
    for i in range(n):
        scores[i] = ((i * 37) % 61, i)
    # omp single
    scores.sort(key=lambda t: (-t[0], t[1]))
    # omp for
    for pos in range(n):
        ranks[scores[pos][1]] = pos + 1

print(scores[:4], ranks[:10])
