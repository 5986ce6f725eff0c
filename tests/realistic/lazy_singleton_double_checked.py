"""A module-level singleton made lazily by the first caller: the classic double-checked
pattern with a critical section; every iteration uses the one table."""

_TABLE = None
BUILDS = 0


def table():
    global _TABLE, BUILDS
    if _TABLE is None:
        # omp critical(init)
        if _TABLE is None:
            BUILDS += 1
            _TABLE = [k * k % 97 for k in range(97)]
    return _TABLE


out = [0] * 300
# omp parallel for
for i in range(300):
    out[i] = table()[i % 97] + table()[(i * 5) % 97]
print(sum(out), BUILDS, len(table()))
