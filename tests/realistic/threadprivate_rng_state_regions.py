"""A threadprivate accumulator list and counter per thread across two regions (the
second region reads what the same thread left); totals reduced after, deterministic
because only sums over all threads are printed."""

from omppy import omp_get_thread_num

acc = []
calls = 0
# omp threadprivate(acc, calls)

total = 0
n_items = 0

# omp parallel
if True:
    acc = []
    calls = 0
    # omp for schedule(static)
    for i in range(200):
        acc.append(i * i % 97)
        calls += 1

# omp parallel reduction(+:total, n_items)
if True:
    total += sum(acc)
    n_items += calls

print(total, n_items, omp_get_thread_num())
