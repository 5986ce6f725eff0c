"""Ratios where some denominators are zero: `contextlib.suppress` in the body leaves
those results at None; counts of skipped items by reduction."""

import contextlib

num = [(i * 13) % 23 - 11 for i in range(200)]
den = [(i * 7) % 9 - 4 for i in range(200)]
ratio = [None] * 200
skipped = 0
# omp parallel for reduction(+:skipped)
for i in range(200):
    done = False
    with contextlib.suppress(ZeroDivisionError):
        ratio[i] = num[i] / den[i]
        done = True
    if not done:
        skipped += 1
print(skipped, round(sum(r for r in ratio if r is not None), 9))
