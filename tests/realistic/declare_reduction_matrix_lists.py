"""A user-declared reduction adding lists of lists elementwise (a helper combiner),
used to accumulate per-iteration 3x3 outer products."""


def madd(a, b):
    for r in range(len(a)):
        for c in range(len(a[r])):
            a[r][c] += b[r][c]
    return a


# omp declare reduction(madd : list : omp_out = madd(omp_out, omp_in)) initializer(omp_priv = [[0] * 3 for _ in range(3)])

vecs = [((i % 5) - 2, (i * 3) % 7, i % 2) for i in range(300)]
cov = [[0] * 3 for _ in range(3)]

# omp parallel for reduction(madd:cov)
for i in range(len(vecs)):
    v = vecs[i]
    for r in range(3):
        for c in range(3):
            cov[r][c] += v[r] * v[c]

print(cov)
