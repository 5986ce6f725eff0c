"""Each iteration owns one dataclass object and appends to its list field and bumps
its counters (disjoint objects, no synchronisation needed)."""

from dataclasses import dataclass, field


@dataclass
class Account:
    name: str
    balance: float = 0.0
    history: list = field(default_factory=list)
    flags: set = field(default_factory=set)


accounts = [Account(f"acc{i}") for i in range(50)]
# omp parallel for schedule(static, 2)
for i in range(50):
    a = accounts[i]
    for t in range(i % 7 + 1):
        amount = ((i * 31 + t * 17) % 41) - 20
        a.balance += amount
        a.history.append(amount)
        if amount < -15:
            a.flags.add("large-debit")
print(sum(len(a.history) for a in accounts), round(sum(a.balance for a in accounts), 2))
print(sorted(a.name for a in accounts if a.flags)[:8])
