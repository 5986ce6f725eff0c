"""A C-style loop that keeps two reductions and also appends to a shared log, all in
one critical block (the reductions need no critical, but a port from C kept them
inside it)."""

hits = 0
misses = 0
log = []

# omp parallel for reduction(+:hits, misses) schedule(dynamic, 5)
for i in range(500):
    ok = (i * i) % 7 in (1, 2, 4)
    # omp critical
    if True:
        if ok:
            hits += 1
            log.append(i)
        else:
            misses += 1

print(hits, misses, len(log), sum(log))
