"""A helper of a module without pragmas called `put` fills a dict of dicts of lists
under critical (`deep.put(k, s, v)`). Session 6 found it refused as a data race
between two threads inside one critical: the translator took `nested.put(...)` for a
container's `put` on the module, so the block compared nothing of the module."""

from rlib import nested

# omp parallel for
for i in range(36):
    # omp critical
    nested.put(i % 3, i % 2, i)

print({k: {s: sorted(v) for s, v in sorted(d.items())} for k, d in sorted(nested.tree.items())})
