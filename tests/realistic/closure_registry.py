"""An event registry built from closures: the handler closes over a dict and a list,
and the loop's helper registers into them under critical."""


def make_registry():
    by_kind = {}
    order = []

    def register(kind, item):
        # omp critical
        by_kind.setdefault(kind, []).append(item)
        order.append((kind, item))
        # omp end critical

    def summary():
        return {k: sorted(v) for k, v in sorted(by_kind.items())}, len(order)

    return register, summary


register, summary = make_registry()
# omp parallel for schedule(static, 3)
for i in range(60):
    kind = ("small", "medium", "large")[min(2, (i * i) % 7 // 3)]
    register(kind, i)

print(summary())
