"""NOW AN ERROR (was BUG; minimal, from array_module_stores): stores into a
standard-library `array.array` by index in a parallel loop. The other threads' stores
were lost; now the change to this C-typed object is refused. The refusal is right
(omppy cannot look into it), but its message calls it a data race ("thread 0 and
thread 1 both changed out ... (a data race in OpenMP)"), which it is not."""

from array import array

out = array("d", [0.0] * 4)
# omp parallel for
for i in range(4):
    out[i] = 1.0
print(out.tolist())
