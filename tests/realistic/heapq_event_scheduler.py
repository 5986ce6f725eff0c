"""A discrete-event scheduler: a heap of (time, id) events. In each round a `single`
pops the next batch, the team processes the batch in a `for`, and follow-up events are
pushed under critical; the order of pushes does not matter to a heap's pops."""

import heapq

events = [(t * 3 % 11, t) for t in range(12)]
heapq.heapify(events)
log = []
processed = 0
batch = []

# omp parallel
while True:
    # omp single
    batch = [heapq.heappop(events) for _ in range(min(4, len(events)))]
    # omp end single
    if not batch:
        break
    # omp for
    for k in range(len(batch)):
        t, eid = batch[k]
        work = sum(range(eid * 10)) % 7
        # omp critical
        processed += 1
        log.append((t, eid, work))
        if eid < 40:
            heapq.heappush(events, (t + work + 1, eid + 12))
        # omp end critical

print(processed, sorted(log)[:5], sorted(log)[-3:])
