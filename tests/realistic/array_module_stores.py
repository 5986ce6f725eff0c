"""Compact arrays from the standard `array` module (`array('d', ...)`), written by
index in a parallel loop (a pure-Python user's typed buffer)."""

from array import array

n = 200
out = array("d", [0.0]) * n
flags = array("b", [0]) * n

# omp parallel for
for i in range(n):
    out[i] = i * 0.5
    flags[i] = 1 if i % 3 == 0 else 0

print(sum(out), sum(flags), out[-3:].tolist())
