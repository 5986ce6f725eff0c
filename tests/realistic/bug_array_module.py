"""BUG (minimal, from array_module_stores): stores into a standard-library
`array.array` by index in a parallel loop: the other threads' stores are lost."""

from array import array

out = array("d", [0.0] * 4)
# omp parallel for
for i in range(4):
    out[i] = 1.0
print(out.tolist())
