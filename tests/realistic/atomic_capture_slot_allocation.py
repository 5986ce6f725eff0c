"""`atomic capture` to allocate output slots: `slot = nxt; nxt += 1` for items that pass a filter, written into a preallocated list; the slots' contents sorted after (their order is the threads')."""

N = 60
nxt = 0
out = [None] * N
# omp parallel for
for i in range(N):
    if (i * 7) % 5 in (0, 3):
        # omp atomic capture
        slot = nxt
        nxt += 1
        # omp end atomic
        out[slot] = i
filled = sorted(v for v in out if v is not None)
print(nxt, filled[:10], len(filled), out[nxt:] == [None] * (N - nxt))
