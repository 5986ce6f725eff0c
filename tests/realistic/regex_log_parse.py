"""Parsing log lines with `re`: per-level counts in a shared dict under critical, the
slowest request per endpoint, and all error codes in a set reduction."""

import re

LINE = re.compile(r"(?P<level>INFO|WARN|ERROR) (?P<path>/\w+) (?P<ms>\d+)ms(?: code=(?P<code>\d+))?")
levels = ("INFO", "WARN", "ERROR")
paths = ("/api", "/login", "/static", "/search")
logs = [
    f"{levels[i % 3]} {paths[(i * 7) % 4]} {(i * 37) % 500}ms" + (f" code={500 + i % 4}" if i % 3 == 2 else "")
    for i in range(400)
]
by_level = {}
slowest = {}
codes = set()

# omp parallel for reduction(|:codes)
for i in range(len(logs)):
    m = LINE.match(logs[i])
    lvl, path, ms = m["level"], m["path"], int(m["ms"])
    if m["code"]:
        codes |= {int(m["code"])}
    # omp critical
    by_level[lvl] = by_level.get(lvl, 0) + 1
    # omp critical(slow)
    if path not in slowest or ms > slowest[path][0]:
        slowest[path] = (ms, i)
    # omp end critical

print(sorted(by_level.items()), sorted(slowest.items()), sorted(codes))
