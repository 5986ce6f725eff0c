"""Helpers of another module of the program (`s14pkg.memo`): a memo of squares and a
set-like dict, called under critical; their key order is printed."""
import time

from s14pkg import memo
from s14pkg.memo import mark

chunks = [[7, 3, 5], [5, 7, 2]]
names = [["q", "p"], ["p", "q", "r"]]
sums = [0, 0]
# omp parallel for schedule(static, 1) private(s)
for c in range(2):
    if c == 0:
        time.sleep(0.2)
    s = 0
    for n in chunks[c]:
        # omp critical
        s += memo.square(n)
    for w in names[c]:
        # omp critical
        mark(w)
    sums[c] = s
print(sums, list(memo.SQUARES), list(memo.SEEN))
