"""`firstprivate` of a mutable scratch list and dict, mutated by each thread (item stores, new keys) and used for results stored by index. Only the results are printed: the master's originals stay as they were under omppy (OpenMP's copies, docs/data-sharing.md firstprivate) while python's loop changes them, a documented difference."""

scratch = [0, 0, 0]
seen = {"start": True}
out = [0] * 20
# omp parallel for firstprivate(scratch, seen)
for i in range(20):
    scratch[i % 3] = i
    seen[i] = i * 2
    out[i] = i * 3 + len(scratch) + seen[i] + scratch[i % 3]
print(sum(out), out[:5])
