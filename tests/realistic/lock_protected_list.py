"""OpenMP locks protecting shared Python containers (OpenMP Examples simple_lock):
`omp_set_lock`/`omp_unset_lock` around appends, and the lock as a context manager."""

from omppy import omp_init_lock, omp_set_lock, omp_unset_lock

lock = omp_init_lock()
evens = []
tally = {"big": 0, "small": 0}

# omp parallel for
for i in range(120):
    v = (i * 29) % 50
    if v % 2 == 0:
        omp_set_lock(lock)
        evens.append(v)
        omp_unset_lock(lock)
    with lock:
        tally["big" if v >= 25 else "small"] += 1

print(len(evens), sorted(evens)[:10], tally)
