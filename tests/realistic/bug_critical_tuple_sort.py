"""FIXED (was BUG; minimal, from topk_heapq_critical): new objects (tuples) put into a
shared list under critical by different threads and moved by a sort came back
duplicated or lost (timing-dependent; at 4 threads nearly every run). Since the merge
of main's replication engine: python's answer in every run (12 runs at 3-4 threads
by hand, and the sweep). Kept as a regression test."""

top = [(0, -1)] * 3
# omp parallel for
for i in range(100):
    s = (i * 7919) % 1000
    # omp critical
    if s > top[0][0]:
        top[0] = (s, i)
        top.sort()
    # omp end critical
print(sorted(top))
