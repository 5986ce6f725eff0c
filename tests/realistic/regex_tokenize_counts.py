"""A regex tokenizer (compiled pattern at module level) over log lines: per-line token
lists stored by index, error codes counted in a dict under critical, and the longest
line found by a `reduction(max:...)` on a tuple."""

import re

TOKEN = re.compile(r"(?P<level>INFO|WARN|ERROR)\s+(?P<code>E\d+)?\s*(?P<msg>.*)")
log = [
    f"{['INFO', 'WARN', 'ERROR'][i % 3]} {'E%d ' % (i % 5) if i % 3 == 2 else ''}msg {i}"
    for i in range(90)
]
parsed = [None] * len(log)
codes = {}
longest = (0, -1)

# omp parallel for reduction(max:longest)
for i in range(len(log)):
    m = TOKEN.match(log[i])
    parsed[i] = (m["level"], m["code"], m["msg"])
    if m["code"]:
        # omp critical
        codes[m["code"]] = codes.get(m["code"], 0) + 1
        # omp end critical
    longest = max(longest, (len(log[i]), i))

print(parsed[:3], sorted(codes.items()), longest)
