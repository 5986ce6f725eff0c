"""`atomic capture` hands out slots of a shared output list (`k = nfound; nfound +=
1`), the C idiom for compaction; the found values are printed sorted since the slot
order depends on the schedule."""

data = [(i * 7919) % 1000 for i in range(500)]
found = [None] * len(data)
nfound = 0

# omp parallel for
for i in range(len(data)):
    if data[i] % 17 == 0:
        # omp atomic capture
        k = nfound
        nfound += 1
        # omp end atomic
        found[k] = (data[i], i)

print(nfound, sorted(found[:nfound])[:5], found[nfound:nfound + 2])
