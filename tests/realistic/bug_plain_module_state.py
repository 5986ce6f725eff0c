"""BUG (minimal, from helper_module_registry): a function of a module without pragmas
appends to that module's global list, called under critical: the other threads'
appends are lost."""

from rlib import plain

# omp parallel for
for i in range(4):
    # omp critical
    plain.record(i)
print(sorted(plain.found))
