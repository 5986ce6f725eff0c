"""Every form of update a reduction variable may take inside its own construct (the
read of it feeds only its own update, so python and OpenMP agree): augmented and
spelled-out operators on either side, min/max calls and the compare-and-set idiom, a
test choosing the update, items of an array, adding methods, a function operator; on
parallel for, a region's for, sections and taskloop (docs/pragmas.md, issue 9)."""

import math

import numpy as np

values = [7, 3, 12, 5, 9, 1, 14, 6]

s, t, u, p, q = 10, 10, 10, 2, 2
# omp parallel for reduction(+:s, t) reduction(-:u) reduction(*:p, q)
for v in values:
    s = s + v
    t = v + t - 1
    u -= v
    p = p * (v % 3 + 1)
    q *= 2
print(s, t, u, p, q)

hi, lo, top, bottom, best = 8, 8, 0, 100, None
# omp parallel
# omp for reduction(max:hi, top, best) reduction(min:lo, bottom)
for v in values:
    hi = max(hi, v)
    lo = min(v, lo)
    if v > top:
        top = v
    if v < bottom:
        bottom = v
    best = v if best is None else max(best, v)
# omp end parallel
print(hi, lo, top, bottom, best)

anyo, allo, bits, mask, flip = False, True, 0, 255, 0
# omp parallel for reduction(or:anyo) reduction(and:allo) reduction(|:bits) reduction(&:mask) reduction(^:flip)
for v in values:
    anyo = anyo or v > 13
    allo = v > 0 and allo
    bits = bits | (1 << (v % 8))
    mask &= ~(1 << (v % 5))
    flip = v ^ flip
print(anyo, allo, bits, mask, flip)

counts = np.zeros(4, dtype=np.int64)
found: list[int] = []
seen: set[int] = set()
# omp parallel for reduction(+:counts, found) reduction(|:seen)
for v in values:
    counts[v % 4] += 1
    found.append(v)
    seen.add(v % 3)
print(counts.tolist(), sorted(found), sorted(seen))

g = 0
# omp parallel for reduction(math.gcd:g)
for v in values:
    g = math.gcd(g, v * 6)
print(g)

total = 1
# omp parallel sections reduction(+:total)
# omp section
total += 4
# omp section
total = total + 5
# omp end parallel sections
print(total)

tl = 0
# omp parallel
# omp single
# omp taskloop reduction(+:tl)
for v in values:
    tl += v * v
# omp end parallel
print(tl)
