"""`with lock:` style code over an OpenMP lock: a small class whose `__enter__`/`__exit__` call omp_set_lock/omp_unset_lock, made before the region, guarding a shared list and a dict."""

from omppy import omp_destroy_lock, omp_init_lock, omp_set_lock, omp_unset_lock


class Guard:
    def __init__(self):
        self.lock = omp_init_lock()

    def __enter__(self):
        omp_set_lock(self.lock)
        return self

    def __exit__(self, *exc):
        omp_unset_lock(self.lock)
        return False


guard = Guard()
found = []
tally = {}
# omp parallel for
for i in range(40):
    if i % 3 == 1:
        with guard:
            found.append(i)
            tally[i % 4] = tally.get(i % 4, 0) + i
omp_destroy_lock(guard.lock)
print(sorted(found), sorted(tally.items()))
