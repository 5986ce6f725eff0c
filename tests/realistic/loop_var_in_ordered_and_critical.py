"""The loop variable and a reduction read inside ordered and critical blocks of the
same loop (each thread's own), with a shared list written in order."""

seq = []
best = -1
count = 0

# omp parallel for ordered reduction(+:count) schedule(static, 3)
for i in range(90):
    v = (i * 37) % 101
    # omp critical
    if v > best:
        best = v
    # omp ordered
    if v % 2:
        seq.append(i)
        count += 1

print(best, count, len(seq), seq[:5])
