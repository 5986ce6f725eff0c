"""A helper module keeps a log and a registry; the script imports them with `from ... import` aliases and appends to the alias under critical, and calls the module's `record` (which appends to both) under a named critical."""

from rlib.s11_stats import log, record, registry

# omp parallel for schedule(dynamic, 2)
for i in range(30):
    v = i * i % 17
    # omp critical(stats)
    record(i, v)
    # omp end critical
    # omp critical(stats)
    log.append(("alias", i))
    # omp end critical

print(len(log), sorted(log, key=repr)[:4])
print({k: sorted(v) for k, v in sorted(registry.items())})
