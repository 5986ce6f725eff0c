"""A name bound both outside every synchronisation block of a region and inside one (`item = None`, then `item = heapq.heappop(heap)` under critical; a `for w` loop in the body and another in a critical) is each thread's own, as if the plain binding declared it: the block must not hand it to, or take it from, the other threads. Session 11: shared, a thread entering its block took another thread's item (duplicates, a TypeError, or a hang on the empty heap)."""

import heapq


def drain(heap, n):
    seen = []
    # omp parallel
    while True:
        item = None
        # omp critical
        if heap:
            item = heapq.heappop(heap)
        # omp end critical
        if item is None:
            break
        # omp critical
        seen.append(item[1] * n)
        # omp end critical
    return sorted(seen)


def merge_words(lines):
    counts = {}
    # omp parallel for
    for k in range(len(lines)):
        local = {}
        for w in lines[k].split():
            local[w] = local.get(w, 0) + 1
        # omp critical
        for w in local:
            counts[w] = counts.get(w, 0) + local[w]
        # omp end critical
    return sorted(counts.items())


heap = [(i * 7 % 23, i) for i in range(60)]
heapq.heapify(heap)
print(drain(heap, 3)[:8], len(heap))
print(merge_words(["a b a", "c b", "a c d", "d d e"] * 5))
