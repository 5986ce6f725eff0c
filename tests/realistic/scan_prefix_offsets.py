"""Stream compaction with an exclusive scan: the output offset of each item is the
number of kept items before it (`reduction(inscan, +:offset)` with `scan
exclusive`), then the kept items are written to their offsets."""

data = [(i * 7919) % 97 for i in range(200)]
keep = [1 if v % 3 == 0 else 0 for v in data]
offsets = [0] * len(data)
offset = 0

# omp parallel for reduction(inscan, +:offset)
for i in range(len(data)):
    offsets[i] = offset
    # omp scan exclusive(offset)
    offset += keep[i]

out = [None] * offset
# omp parallel for
for i in range(len(data)):
    if keep[i]:
        out[offsets[i]] = data[i]

print(offset, offsets[:12], out[:8], sum(out))
