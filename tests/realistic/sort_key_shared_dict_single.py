"""A shared dict of scores filled by index in one loop; a `single` sorts a list of names with `key=scores.get` (a key function reading the shared dict) and the next loop ranks them."""

names = [f"n{(i * 17) % 23:02d}" for i in range(23)]
scores = {}
rank = {}
order = []
# omp parallel
if True:
    # omp for
    for i in range(len(names)):
        # omp critical
        scores[names[i]] = (i * 29) % 31
        # omp end critical
    # omp single
    order = sorted(names, key=lambda n: (-scores[n], n))
    # omp end single
    # omp for
    for r in range(len(order)):
        # omp critical
        rank[order[r]] = r + 1
        # omp end critical
print(order[:5], [rank[n] for n in names[:6]])
