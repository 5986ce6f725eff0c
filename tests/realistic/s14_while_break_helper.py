"""A helper walks a chain of aliases, memoising each hop's target in a dict, and
stops (break) at a name with no alias; called under critical."""
import time

aliases = {"a": "b", "b": "c", "c": "d", "x": "c", "y": "x"}
resolved = {}


def resolve(name):
    path = []
    while True:
        if name in resolved:
            name = resolved[name]
            break
        if name not in aliases:
            break
        path.append(name)
        name = aliases[name]
    for p in path:
        resolved[p] = name
    return name


chunks = [["a", "y"], ["x", "b"]]
ends = [None, None]
# omp parallel for schedule(static, 1)
for c in range(2):
    if c == 0:
        time.sleep(0.2)
    got = []
    for nm in chunks[c]:
        # omp critical
        got.append(resolve(nm))
    ends[c] = got
print(ends, list(resolved))
