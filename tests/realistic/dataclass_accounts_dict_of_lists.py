"""Dataclasses with methods that mutate self, stored in a dict of lists."""
from dataclasses import dataclass, field


@dataclass
class Account:
    name: str
    balance: float = 0.0
    history: list = field(default_factory=list)
    def deposit(self, x):
        self.balance += x
        self.history.append(x)

accounts = {g: [Account(f"{g}{k}") for k in range(3)] for g in "xyz"}
flat = [a for g in sorted(accounts) for a in accounts[g]]
# omp parallel for
for i in range(len(flat)):
    acc = flat[i]
    for k in range(i + 1):
        acc.deposit(k * 1.5)
print([(a.name, a.balance, len(a.history)) for g in "xyz" for a in accounts[g]])
