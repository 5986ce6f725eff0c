"""A helper module with pragmas of its own (translated on import): a class whose
method is named `put`, like `queue.Queue.put`, and a parallel helper."""


class Shelf:
    def __init__(self):
        self.by_kind = {}

    def put(self, kind, sub, value):
        self.by_kind.setdefault(kind, {}).setdefault(sub, []).append(value)


def squares(n):
    out = [0] * n
    # omp parallel for
    for i in range(n):
        out[i] = i * i
    return out
