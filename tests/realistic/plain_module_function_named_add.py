"""`import registry; registry.add(x)` under critical, where the module's own `add`
appends to a module-level list. Session 6 found it refused as a data race: `add` is
in the table of numpy functions that only read, and the table was applied to any
imported module's function."""

from rlib import nested as registry

# omp parallel for
for i in range(20):
    # omp critical
    registry.add(i * 2)

print(sorted(registry.items), len(registry.items))
