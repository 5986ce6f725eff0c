"""Dataclasses with `field(default_factory=list)`: each iteration appends line items
to its own order object and sets computed fields; a shared `Summary` dataclass is
updated under critical through a method."""

from dataclasses import dataclass, field


@dataclass
class Order:
    oid: int
    lines: list = field(default_factory=list)
    total: float = 0.0
    tags: set = field(default_factory=set)


@dataclass
class Summary:
    orders: int = 0
    revenue: float = 0.0
    big: list = field(default_factory=list)

    def record(self, order):
        self.orders += 1
        self.revenue += order.total
        if order.total > 300:
            self.big.append(order.oid)


orders = [Order(i) for i in range(45)]
summary = Summary()

# omp parallel for
for i in range(len(orders)):
    o = orders[i]
    for k in range(i % 4 + 1):
        o.lines.append((f"sku{k}", (i + k) % 7 + 1, 10.0 * (k + 1)))
    o.total = sum(q * p for _, q, p in o.lines)
    o.tags.add("multi" if len(o.lines) > 1 else "single")
    # omp critical
    summary.record(o)
    # omp end critical

print(summary.orders, round(summary.revenue, 2), sorted(summary.big)[:6], orders[7])
