"""A discrete-event queue (heapq of (time, id, kind)) shared by the team: every
iteration schedules its events under critical; after the region one thread pops them
in time order (the order is the heap's, not the threads')."""

import heapq

events = []
stats = {"arrivals": 0, "departures": 0}

# omp parallel for schedule(dynamic, 2)
for cid in range(40):
    arrive = (cid * 7) % 23 + cid * 0.01
    leave = arrive + (cid % 5) + 1
    # omp critical
    heapq.heappush(events, (arrive, cid, "arrive"))
    heapq.heappush(events, (leave, cid, "leave"))
    stats["arrivals"] += 1
    stats["departures"] += 1
    # omp end critical

order = [heapq.heappop(events) for _ in range(6)]
print(order, len(events), stats)
