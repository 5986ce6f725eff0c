"""A `functools.partial` that binds a shared list as its first argument (a sink), called
under critical from a parallel loop; the sink sorted afterwards."""

import functools


def collect(sink, tag, value):
    sink.append((tag, value))


found = []
report = functools.partial(collect, found, "prime")
# omp parallel for schedule(dynamic, 5)
for n in range(2, 200):
    if all(n % d for d in range(2, int(n ** 0.5) + 1)):
        # omp critical
        report(n)

print(len(found), sorted(found)[:5], sorted(found)[-1])
