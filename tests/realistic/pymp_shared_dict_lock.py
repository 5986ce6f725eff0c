"""The pymp way of collecting results: a shared dict and list filled inside a lock
(pymp's `with p.lock:` around `shared_dict[key] = ...`), here with an omppy lock."""

from omppy import omp_init_lock

lock = omp_init_lock()
results = {}
order = []

# omp parallel for schedule(dynamic, 3)
for i in range(60):
    value = sum(k * k for k in range(i))
    with lock:
        results[i] = value
        order.append(i)

print(len(results), results[59], sum(results.values()), sorted(order) == list(range(60)))
