"""Inside critical, a shared object changed by a call that receives it: heapq on a
top-k heap, bisect.insort, a seeded shuffle in a single, a user function that changes
its argument; also a shared set and dict changed by calls."""

import bisect
import heapq
import random


def merge_into(table, part):
    for key, value in part.items():
        table[key] = table.get(key, 0) + value


def score(i):
    return (i * 7919) % 1000


k = 5
top = []
seen = []
table = {}
tags = set()
deck = list(range(10))
# omp parallel for
for i in range(200):
    s = score(i)
    # omp critical
    if len(top) < k:
        heapq.heappush(top, (s, i))
    else:
        heapq.heappushpop(top, (s, i))
    # omp critical
    bisect.insort(seen, s % 50)
    # omp critical
    merge_into(table, {s % 7: 1})
    # omp critical
    tags.update({s % 3})
print(sorted(top), seen[:10], len(seen), sorted(table.items()), sorted(tags))

# omp parallel
if True:
    # omp single
    random.Random(42).shuffle(deck)
    # omp barrier
    # omp single
    merge_into(table, {"after": deck[0]})
print(deck, table["after"])
