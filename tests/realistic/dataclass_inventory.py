"""Dataclasses with list fields (`field(default_factory=list)`): items restocked in a
parallel loop through a method that appends to the item's own log."""

from dataclasses import dataclass, field


@dataclass
class Item:
    name: str
    qty: int = 0
    log: list = field(default_factory=list)

    def restock(self, n):
        self.qty += n
        self.log.append(n)


items = [Item(f"item{i}") for i in range(25)]
# omp parallel for
for i in range(len(items)):
    for r in range(i % 4 + 1):
        items[i].restock(r + i)

print(sum(it.qty for it in items), items[6], sum(len(it.log) for it in items))
