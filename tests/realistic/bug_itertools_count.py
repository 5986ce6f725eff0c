"""BUG (minimal, from id_generator_itertools): ids drawn from a shared
`itertools.count()` under critical: threads draw the same ids."""

import itertools

ids = itertools.count()
got = [0] * 4
# omp parallel for
for i in range(4):
    # omp critical
    got[i] = next(ids)
print(sorted(got))
