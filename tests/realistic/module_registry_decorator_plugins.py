"""A module-level registry filled by a decorator at import time; a parallel loop
dispatches records to the registered handlers by name, each handler counting its
calls in a module-level dict under atomic."""

HANDLERS = {}
CALLS = {}


def handler(name):
    def register(fn):
        HANDLERS[name] = fn
        CALLS[name] = 0
        return fn

    return register


@handler("upper")
def to_upper(s):
    return s.upper()


@handler("rev")
def reverse(s):
    return s[::-1]


@handler("len")
def length(s):
    return str(len(s))


records = [("upper", "abc"), ("rev", "hello"), ("len", "xyz!"), ("rev", "omp")] * 25
out = [None] * len(records)
# omp parallel for
for i in range(len(records)):
    kind, payload = records[i]
    out[i] = HANDLERS[kind](payload)
    # omp atomic
    CALLS[kind] += 1

print(out[:4], CALLS)
