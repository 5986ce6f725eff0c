"""Bank transfers between accounts: each transfer moves money from one account to
another under one critical (both balances change together); a per-account ledger
of transfer ids; totals are conserved (balances are large enough that no transfer
is refused, so the result does not depend on the order of the critical sections)."""


class Account:
    def __init__(self, ident, balance):
        self.ident = ident
        self.balance = balance
        self.ledger = []


accounts = [Account(i, 10_000 + 100 * i) for i in range(10)]
transfers = [((i * 3) % 10, (i * 7 + 1) % 10, (i * 13) % 200) for i in range(300)]
refused = []

# omp parallel for schedule(dynamic, 4)
for t in range(len(transfers)):
    src, dst, amount = transfers[t]
    if src == dst:
        continue
    # omp critical(bank)
    if accounts[src].balance >= amount:
        accounts[src].balance -= amount
        accounts[dst].balance += amount
        accounts[src].ledger.append(t)
        accounts[dst].ledger.append(t)
    else:
        refused.append(t)
    # omp end critical

print(sum(a.balance for a in accounts), len(refused), [a.balance for a in accounts])
print(sorted(len(a.ledger) for a in accounts))
