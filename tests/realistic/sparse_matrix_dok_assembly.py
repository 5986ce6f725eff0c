"""Finite-element style assembly: element matrices added into a global
dict-of-keys sparse matrix {(i, j): value} under critical, with the element loop in
parallel; then a matrix-vector product over rows in parallel."""

n_el = 60
K = {}


def element_matrix(e):
    k = 1.0 + (e % 4) * 0.25
    return [[k, -k], [-k, k]]


# omp parallel for
for e in range(n_el):
    ke = element_matrix(e)
    nodes = (e, e + 1)
    for a in range(2):
        for b in range(2):
            key = (nodes[a], nodes[b])
            # omp critical
            K[key] = K.get(key, 0.0) + ke[a][b]
            # omp end critical

rows = {}
for (i, j), v in sorted(K.items()):
    rows.setdefault(i, []).append((j, v))
x = [float(i % 5) for i in range(n_el + 1)]
y = [0.0] * (n_el + 1)
# omp parallel for
for i in range(n_el + 1):
    y[i] = sum(v * x[j] for j, v in rows[i])

print(len(K), round(sum(K.values()), 6), [round(v, 3) for v in y[:6]], round(sum(y), 6))
