"""Lambdas and nested functions defined inside a region body, used as sort keys and
callbacks; results stored by index."""

words = [("".join(chr(97 + (i * k) % 26) for k in range(1, 6)), i) for i in range(40)]
groups = [None] * 4

# omp parallel
if True:
    rank = lambda w: (w[0][::-1], w[1])

    def keep(w, g):
        return w[1] % 4 == g

    # omp for
    for g in range(4):
        groups[g] = [w for w, _ in sorted((w for w in words if keep(w, g)), key=rank)][:3]

print(groups)
