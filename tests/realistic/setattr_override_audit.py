"""A class whose `__setattr__` records every change in a per-object audit list; objects
updated in a parallel loop, each by one iteration."""


class Account:
    def __init__(self, owner):
        object.__setattr__(self, "audit", [])
        self.owner = owner
        self.balance = 0

    def __setattr__(self, name, value):
        self.audit.append((name, value))
        object.__setattr__(self, name, value)


accounts = [Account(f"u{i}") for i in range(30)]
# omp parallel for schedule(guided)
for i in range(len(accounts)):
    acc = accounts[i]
    for k in range(i % 4 + 1):
        acc.balance = acc.balance + 10 * k

print([a.balance for a in accounts[:8]], sum(len(a.audit) for a in accounts), accounts[3].audit)
