"""A helper module with pragmas of its own (`rlib/tally.py`): its function bumps the
module's global counters under `# omp atomic` and its dict under a named critical;
the program reads the module's globals after the loop."""

from rlib import tally

# omp parallel for schedule(dynamic, 7)
for i in range(210):
    tally.bump(i, i % 10)

print(tally.calls, tally.weight, sorted(tally.seen.items()))
