"""Orphaned work-sharing loops in an imported module (translated on import): stores on
module globals and a reduction, called from a region here."""

from lib import orphans

sums = [0]
# omp parallel
orphans.fill(12)
# omp parallel
if True:
    t = orphans.total(12)  # every thread meets the orphaned loop
    # omp single
    sums[0] = t
print(orphans.results, sorted(orphans.table.items())[:3], len(orphans.table), sums)
print(orphans.total(12))
