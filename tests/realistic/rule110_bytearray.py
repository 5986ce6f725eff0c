"""The rule 110 cellular automaton on bytearrays: each generation computed in a
parallel loop from the current row into the next; rows appended to a history
afterwards."""

W = 160
row = bytearray(W)
row[W - 1] = 1
history = []
RULE = 110

for gen in range(60):
    nxt = bytearray(W)
    # omp parallel for
    for i in range(W):
        pattern = (row[(i - 1) % W] << 2) | (row[i] << 1) | row[(i + 1) % W]
        nxt[i] = (RULE >> pattern) & 1
    history.append(bytes(nxt))
    row = nxt

print(sum(sum(h) for h in history))
for h in history[-5:]:
    print("".join(".#"[b] for b in h[-60:]))
