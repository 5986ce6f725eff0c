"""Jacobi smoothing of a 1-D profile in pure Python lists: a `for` computes `new` from
`old`, then `master` swaps the two lists and a barrier follows (as C code swaps two
pointers)."""

n = 120
old = [0.0] * n
old[0], old[-1] = 100.0, 50.0
new = old[:]
sweeps = 0

# omp parallel
for step in range(60):
    # omp for
    for i in range(1, n - 1):
        new[i] = 0.5 * (old[i - 1] + old[i + 1])
    # omp master
    old, new = new, old
    sweeps += 1
    # omp end master
    # omp barrier

print(sweeps, [round(v, 6) for v in old[:6]], round(sum(old), 6))
