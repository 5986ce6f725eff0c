"""Log lines scanned with a compiled regex in a parallel loop; each line's matches go
into a local Counter that is merged into the shared one under critical."""

import re
from collections import Counter

LEVELS = ["INFO", "WARN", "ERROR", "DEBUG"]
lines = [
    f"2024-01-{(i % 28) + 1:02d} {LEVELS[(i * 7) % 4]} user{(i * 13) % 17} did action{i % 5}"
    for i in range(600)
]
pat = re.compile(r"(INFO|WARN|ERROR|DEBUG) (user\d+) did (action\d)")
by_level = Counter()
by_user_action = Counter()

# omp parallel for
for i in range(len(lines)):
    m = pat.search(lines[i])
    if m:
        level, user, action = m.groups()
        local = Counter({(user, action): 1})
        # omp critical
        if True:
            by_level[level] += 1
            by_user_action.update(local)

print(sorted(by_level.items()))
print(by_user_action.most_common(5))
print(sum(by_user_action.values()))
