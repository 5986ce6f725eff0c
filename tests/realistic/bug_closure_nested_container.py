"""BUG (minimal, from closure_registry): a dict of lists reachable only through a
closure, its lists appended to under critical: the other threads' appends are lost."""


def make():
    by_kind = {0: [], 1: []}

    def register(kind, item):
        # omp critical
        by_kind[kind].append(item)

    return register, lambda: by_kind


register, get = make()
# omp parallel for
for i in range(20):
    register(i % 2, i)
print({k: sorted(v) for k, v in get().items()})
