"""Port of the OpenMP Examples' ordered clause (ordered.1: `work(k)` prints k in an
ordered region): here the ordered block calls a helper that logs k into a dict of
first occurrences of k % 5, so the log's order is python's."""
import time

first_of = {}
log = []


def record(k):
    first_of.setdefault(k % 5, k)
    log.append(k)


# omp parallel for ordered schedule(static, 1)
for k in range(3, 20):
    if k == 3:
        time.sleep(0.2)
    v = k * k
    # omp ordered
    record(k)
    # omp end ordered
print(list(first_of.items()), log)
