"""FIXED (was BUG, then an error; minimal, from array_module_stores): stores into a
standard-library `array.array` by index in a parallel loop. The other threads' stores
were lost; then the change to this C-typed object was refused, its message calling
it a data race; since session 11 an array.array is compared by its bytes and the
elements each thread changed are carried (buffers.StdArrayShadow)."""

from array import array

out = array("d", [0.0] * 4)
# omp parallel for
for i in range(4):
    out[i] = 1.0
print(out.tolist())
