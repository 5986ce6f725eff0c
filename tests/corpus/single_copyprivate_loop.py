"""single copyprivate inside a loop of a region, and in a called function (orphaned):
every thread gets the value of its own round, however far ahead another thread is."""


def next_seed(step):
    # omp single copyprivate(seed)
    seed = step * 10
    return seed


bad = []
totals = []
# omp parallel
if True:
    mine = []
    for step in range(6):
        # omp single copyprivate(v)
        v = step * 10
        mine.append(v)
    t = 0
    for step in range(4):
        t += next_seed(step)
    # omp critical
    if mine != [0, 10, 20, 30, 40, 50]:
        bad.append(mine)
    # omp critical
    totals.append(t)
print(bad, sorted(set(totals)))
