"""`re.finditer` over each line with named groups, counts into a shared `defaultdict(int)` under critical and the match spans stored by line index."""

import re
from collections import defaultdict

LOG = [
    f"2024-01-0{k % 9 + 1} level=INFO code={100 + k % 3} user=u{k % 4}"
    if k % 5 else "2024-01-01 level=ERROR code=500 user=u9 retry=1"
    for k in range(40)
]
pat = re.compile(r"(?P<key>[a-z]+)=(?P<val>\w+)")
counts = defaultdict(int)
spans = [None] * len(LOG)
# omp parallel for
for i in range(len(LOG)):
    found = [(m.group("key"), m.group("val"), m.span()) for m in pat.finditer(LOG[i])]
    spans[i] = [s for _, _, s in found]
    # omp critical
    for key, val, _ in found:
        counts[f"{key}={val}"] += 1
    # omp end critical
print(sorted(counts.items())[:6], len(counts), spans[5])
