"""A module-level plugin registry filled by a decorator at import time; the loop
dispatches each job to a registered handler, and the handlers append into a
module-level results dict of lists and bump a module-level stats dict under atomic."""

HANDLERS = {}
RESULTS = {}
STATS = {"calls": 0, "units": 0}


def handler(kind):
    def register(fn):
        HANDLERS[kind] = fn
        return fn
    return register


@handler("square")
def do_square(x):
    # omp atomic
    STATS["units"] += 2
    return x * x


@handler("negate")
def do_negate(x):
    # omp atomic
    STATS["units"] += 1
    return -x


def dispatch(kind, x):
    value = HANDLERS[kind](x)
    # omp critical(results)
    RESULTS.setdefault(kind, []).append(value)
    # omp end critical
    # omp atomic
    STATS["calls"] += 1


jobs = [("square" if i % 3 else "negate", i) for i in range(150)]
# omp parallel for
for i in range(len(jobs)):
    dispatch(*jobs[i])

print({k: (len(v), sum(v)) for k, v in sorted(RESULTS.items())}, STATS)
