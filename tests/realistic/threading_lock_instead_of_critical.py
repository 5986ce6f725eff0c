"""A user who guards a shared total with a `threading.Lock` in a `with` block instead of
`critical`: under python's threads this is race-free; omppy must give python's answer
or a clear error, never a wrong total."""

import threading

lock = threading.Lock()
totals = {"hits": 0, "sum": 0}

# omp parallel for
for i in range(300):
    if i % 7 == 3:
        with lock:
            totals["hits"] += 1
            totals["sum"] += i

print(totals)
