"""Log lines parsed with a regex and the walrus operator in the loop body; counts per
level by Counter reduction, the slowest request kept by a max reduction on tuples."""

import re
from collections import Counter

PATTERN = re.compile(r"(?P<level>INFO|WARN|ERROR) req=(?P<id>\d+) ms=(?P<ms>\d+)")
levels = ["INFO", "WARN", "ERROR", "DEBUG"]
logs = [f"{levels[i % 4]} req={i} ms={(i * 37) % 211}" for i in range(500)]

per_level = Counter()
slowest = (-1, -1)
unparsed = 0
# omp parallel for reduction(+:per_level,unparsed) reduction(max:slowest)
for i in range(len(logs)):
    if (m := PATTERN.match(logs[i])) is not None:
        per_level[m["level"]] += 1
        slowest = max(slowest, (int(m["ms"]), int(m["id"])))
    else:
        unparsed += 1
print(sorted(per_level.items()), slowest, unparsed)
