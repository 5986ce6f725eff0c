"""OpenMP Examples critical.2 and atomic.4, ported (github.com/OpenMP/Examples,
synchronization/sources/critical.2.c, atomic.4.c): named critical sections with
`hint(omp_sync_hint_contended)` dequeuing work items from two queues, and
`atomic hint(omp_sync_hint_uncontended)` summing values into boxes."""



xq = list(range(20))
yq = list(range(100, 120))
xdone = []
ydone = []


def dequeue(q):
    return q.pop() if q else None


def work(item, out):
    if item is not None:
        # omp critical (out)
        out.append(item * 2)


# omp parallel
if True:
    while True:
        # omp critical (xaxis) hint(omp_sync_hint_contended)
        ix_next = dequeue(xq)
        work(ix_next, xdone)
        # omp critical (yaxis) hint(omp_sync_hint_contended)
        iy_next = dequeue(yq)
        work(iy_next, ydone)
        if ix_next is None and iy_next is None:
            break

N = 50
box = [(i * 7) % 5 for i in range(N + 1)]
vals = [0.0] * (N + 1)
box_totals = [0.0] * 5
# omp parallel for
for idx in range(N + 1):
    vals[idx] = idx * 0.5
    # omp atomic hint(omp_sync_hint_uncontended)
    box_totals[box[idx]] = box_totals[box[idx]] + vals[idx]

print(sorted(xdone) == [2 * v for v in range(20)], sorted(ydone)[:3], box_totals)
