"""A list of memo objects from a module without pragmas, whose `get` fills a table on a
miss, read under critical (`memos[i % 3].get(k)`). Session 6 found it refused by the
deep net (the translator took `get` for `dict.get`, a read); a list whose items are of
another module's class with such a method is now compared through its items."""

from rlib.memo_lib import Memo

memos = [Memo() for _ in range(3)]
out = [0] * 30
# omp parallel for
for i in range(30):
    # omp critical
    out[i] = memos[i % 3].get(i % 7)
print(sum(out), [sorted(m.table) for m in memos], [m.misses for m in memos])
