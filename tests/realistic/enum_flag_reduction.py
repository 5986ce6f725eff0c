"""Permission flags (`enum.IntFlag`) combined with an `|` reduction, plus per-user
flags stored by index and counted per flag with a Counter under critical."""

from collections import Counter
from enum import IntFlag


class Perm(IntFlag):
    NONE = 0
    READ = 1
    WRITE = 2
    EXEC = 4
    ADMIN = 8


users = list(range(64))
granted = [Perm.NONE] * len(users)
union = Perm.NONE
seen = Counter()

# omp parallel for reduction(|:union)
for u in range(len(users)):
    p = Perm.READ
    if u % 3 == 0:
        p |= Perm.WRITE
    if u % 10 == 7:
        p |= Perm.EXEC
    granted[u] = p
    union |= p
    # omp critical
    for f in (Perm.READ, Perm.WRITE, Perm.EXEC, Perm.ADMIN):
        if p & f:
            seen[f.name] += 1
    # omp end critical

print(repr(union), int(union), granted[21], sorted(seen.items()))
