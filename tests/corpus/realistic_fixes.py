"""Shapes from ordinary programs that once gave a wrong answer or were refused
(tests/realistic/bug_*.py): each thread appending to its own item, a class's own
method named like a container's, a reduction after a single, a nonlocal under an
orphaned atomic, a closure's dict of lists, a random.Random per object, a class-level
registry and a global tuple of lists under critical, and `total += part` in a block."""

import random


class Index:
    def __init__(self):
        self.docs = []

    def add(self, doc_id):
        # omp critical
        self.docs.append(doc_id)
        # omp end critical


class Job:
    registry = []


class Agent:
    def __init__(self, seed):
        self.rng = random.Random(seed)


def make_registry():
    by_kind = {0: [], 1: []}

    def register(kind, item):
        # omp critical
        by_kind[kind].append(item)

    return register, lambda: by_kind


buckets = ([], [])


def triage(i):
    # omp critical
    buckets[i % 2].append(i)


def nonlocal_total(n):
    total = 0

    def add(v):
        nonlocal total
        # omp atomic
        total += v

    # omp parallel for
    for i in range(n):
        add(i)
    return total


register, get = make_registry()
agents = {k: [] for k in range(6)}
index = Index()
people = [Agent(i) for i in range(6)]
draws = [[0] * 6 for _ in range(2)]
merged = []
# omp parallel for
for k in range(6):
    agents[k].append(k * k)
    index.add(k)
    register(k % 2, k)
    triage(k)
    part = [k]
    # omp critical
    merged += part
    # omp critical
    Job.registry.append(k)
for day in range(2):
    # omp parallel for
    for i in range(6):
        draws[day][i] = people[i].rng.randrange(1000)

s = -1
# omp parallel
if True:
    # omp single
    s = 0
    # omp for reduction(+:s)
    for i in range(10):
        s += i
# omp end parallel

print(agents)
print(sorted(index.docs), sorted(Job.registry), sorted(merged))
print({k: sorted(v) for k, v in get().items()}, [sorted(b) for b in buckets])
print(draws)
print(s, nonlocal_total(10))
