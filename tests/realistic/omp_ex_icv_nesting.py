"""OpenMP Examples icv.1 and nthrs_nesting.1, ported (github.com/OpenMP/Examples,
program_control/sources/icv.1.c, parallel_execution/sources/nthrs_nesting.1.c):
`omp_set_num_threads` called inside a region sets the next inner team's size; each
`single` checks `omp_get_max_active_levels`, `omp_get_num_threads` and
`omp_get_max_threads` against what OpenMP says for the team it is in (under python
there is no team: every count is 1); then inner regions with nesting on and after
`omp_set_max_active_levels(1)` inside the outer region.  Adapted: each inner team's
`single` appends its line to a list of the outer thread's own, which the outer
thread adds under `critical` (omppy's
`critical` excludes within one team only: docs/data-sharing.md, known problems)."""

from omppy import (
    omp_get_level,
    omp_get_max_active_levels,
    omp_get_max_threads,
    omp_get_num_threads,
    omp_in_parallel,
    omp_set_dynamic,
    omp_set_max_active_levels,
    omp_set_num_threads,
)

checks = []


def expect(size, wanted):
    """Under python (no region) every team has one thread."""
    return size == (wanted if omp_get_level() > 0 and omp_in_parallel() else 1)


def expect_max(value, wanted):
    """Under python the last omp_set_num_threads (of the initial thread) counts."""
    return value == wanted or omp_get_level() == 0


omp_set_max_active_levels(8)
omp_set_dynamic(0)
omp_set_num_threads(2)
# omp parallel
if True:
    mine = []  # each outer thread's own
    omp_set_num_threads(3)
    # omp parallel
    if True:
        omp_set_num_threads(4)
        # omp single
        mine.append(
            ("inner", omp_get_max_active_levels(), expect(omp_get_num_threads(), 3),
             expect_max(omp_get_max_threads(), 4))
        )
    # omp critical
    checks.extend(mine)
    # omp barrier
    # omp single
    checks.append(
        ("outer", omp_get_max_active_levels(), expect(omp_get_num_threads(), 2),
         expect_max(omp_get_max_threads(), 3))
    )
print(sorted(set(checks)))

sizes = []
omp_set_num_threads(2)
# omp parallel
if True:
    mine = []  # each outer thread's own
    # omp parallel num_threads(2)
    if True:
        # omp single
        mine.append(("inner", expect(omp_get_num_threads(), 2)))
    # omp barrier
    omp_set_max_active_levels(1)  # every thread, as the example's omp_set_nested(0)
    # omp parallel num_threads(2)
    if True:
        # omp single
        mine.append(("inner after", omp_get_num_threads()))
    # omp critical
    sizes.extend(mine)
    # omp barrier
    # omp single
    sizes.append(("outer", expect(omp_get_num_threads(), 2)))
print(sorted(set(sizes)))
