"""OpenMP Examples collapse.2, ported: `for collapse(2) lastprivate(jlast, klast)`
inside a region, the values printed by a `single` (collected), and read after."""

seen = []
klast = jlast = 0

# omp parallel
if True:
    # omp for collapse(2) lastprivate(jlast, klast)
    for k in range(1, 3):
        for j in range(1, 4):
            jlast = j
            klast = k
    # omp single
    seen.append((klast, jlast))

print(seen, klast, jlast)
