"""Each iteration fills one block of a shared flat list with a slice assignment of
the same length (`out[lo:hi] = [...]`), as blocked code does."""

B = 8
nb = 12
out = [None] * (B * nb)

# omp parallel for
for b in range(nb):
    out[b * B : (b + 1) * B] = [b * 100 + k for k in range(B)]

print(out[:10], out[-3:], sum(out))
