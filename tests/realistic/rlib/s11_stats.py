"""Module state for session 11's programs (no pragmas): counters, a log, a registry."""

count = 0
log = []
registry = {}
best = None


def record(key, value):
    log.append((key, value))
    registry.setdefault(key % 5, []).append(value)


def bump(n=1):
    global count
    count += n


def offer(value):
    global best
    if best is None or value > best:
        best = value
