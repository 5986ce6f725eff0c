"""A package of two modules (rpkg.stats, rpkg.store) whose functions hold orphaned
`for`, `critical`, `atomic`, `single` and `master` constructs; the program opens one
`parallel` region and calls them, as a C programmer splits a code over files."""

from rpkg import stats, store

values = [(i * 37) % 101 for i in range(120)]
squares = [0] * 80

# omp parallel
if True:
    stats.fill_squares(squares)
    stats.bucketize(values, 10)
    got = stats.accumulate(values)
    stats.master_note("done")

print(sum(squares), store.hits)
print(sorted((k, sorted(v)[:3], len(v)) for k, v in store.table.items()))
print(stats.summary, store.log)
