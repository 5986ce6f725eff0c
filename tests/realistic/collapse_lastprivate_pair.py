"""collapse(2) with lastprivate of two names: the last iteration's values."""
last_i = last_j = -1
cells = {}
# omp parallel for collapse(2) lastprivate(last_i, last_j)
for i in range(6):
    for j in range(7):
        cells[(i, j)] = i * j
        last_i, last_j = i, j
print(last_i, last_j, len(cells), sum(cells.values()))
