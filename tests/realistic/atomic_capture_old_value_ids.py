"""Atomic capture of the old value (`old = nxt; nxt += n`) hands each iteration a
block of ids for its items; the ids are stored and checked for uniqueness."""

counts = [(i * 13) % 5 for i in range(120)]
ids = [None] * len(counts)
nxt = 1000

# omp parallel for schedule(dynamic, 2)
for i in range(len(counts)):
    n = counts[i]
    # omp atomic capture
    old = nxt
    nxt += n
    # omp end atomic
    ids[i] = list(range(old, old + n))

flat = sorted(x for block in ids for x in block)
print(nxt, len(flat), flat == list(range(1000, nxt)))
