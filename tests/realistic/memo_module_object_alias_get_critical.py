"""`m = memo_lib.memo` then `m.get(k)` under critical, where `get` fills the memo's table.
Session 6 found it refused as a data race between two threads in one critical: the
block named only `m`, whose `get` the translator took for a read, so it published
nothing; now a region with such an object compares everything at every block."""

from rlib import memo_lib

out = [0] * 20
# omp parallel for
for i in range(20):
    m = memo_lib.memo
    # omp critical
    out[i] = m.get(i % 4)
print(out, sorted(memo_lib.memo.table.items()))
