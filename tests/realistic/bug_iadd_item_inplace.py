"""FIXED (minimal, from iadd_overload_vectors): `out[i] += [i]` extends the item in
place (`list.__iadd__`) and stores the same list back, so the shared list itself
looks unchanged; the translator watched `out` one level only. python `[[0], [1],
[2], [3]]`, omppy at 2 threads `[[0], [1], [], []]` (exit 0). Now an in-place
augmented store counts one level further down (omppy/transform/effects.py)."""

out = [[] for _ in range(4)]
# omp parallel for
for i in range(4):
    out[i] += [i]
print(out)
