"""Bank accounts each holding an OpenMP lock (omp_init_lock in __init__); transfers
take both locks in index order (no deadlock), and a total is checked at the end."""

import omppy


class Account:
    def __init__(self, aid, balance):
        self.aid = aid
        self.balance = balance
        self.lock = omppy.omp_init_lock()
        self.log = []


accounts = [Account(i, 1000) for i in range(10)]
transfers = [((i * 3) % 10, (i * 7 + 1) % 10, (i * 37) % 50 + 1) for i in range(200)]

# omp parallel for
for t in range(len(transfers)):
    src, dst, amount = transfers[t]
    if src == dst:
        continue
    first, second = sorted((accounts[src], accounts[dst]), key=lambda a: a.aid)
    omppy.omp_set_lock(first.lock)
    omppy.omp_set_lock(second.lock)
    accounts[src].balance -= amount
    accounts[dst].balance += amount
    accounts[src].log.append(-amount)
    accounts[dst].log.append(amount)
    omppy.omp_unset_lock(second.lock)
    omppy.omp_unset_lock(first.lock)

print(sum(a.balance for a in accounts), [a.balance for a in accounts])
print([sorted(a.log)[:3] for a in accounts[:2]], sum(len(a.log) for a in accounts))
