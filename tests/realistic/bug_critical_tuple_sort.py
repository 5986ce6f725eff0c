"""BUG (minimal, from topk_heapq_critical): new objects (tuples) put into a shared list
under critical by different threads and moved by a sort come back duplicated or
lost.  Timing-dependent; at 4 threads nearly every run."""

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
