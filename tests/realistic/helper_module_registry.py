"""Results registered into a helper module that has no pragmas (a plain library
module with module-level containers), called under critical from the loop."""

from rlib import registry

# omp parallel for
for i in range(40):
    value = (i * i) % 17
    if value > 5:
        # omp critical
        registry.register(i, value)

print(registry.count(), registry.items()[:6])
