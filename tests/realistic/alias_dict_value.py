"""Accounts looked up by name (`acct = accounts[name]`) and changed under critical:
deposits from a parallel loop over transactions."""


class Account:
    def __init__(self, owner):
        self.owner = owner
        self.balance = 0
        self.history = []


accounts = {name: Account(name) for name in ("ann", "bob", "cy", "dee")}
transactions = [(("ann", "bob", "cy", "dee")[i % 4], (i * 13) % 50 - 10) for i in range(200)]

# omp parallel for schedule(dynamic, 5)
for t in range(len(transactions)):
    name, amount = transactions[t]
    acct = accounts[name]
    # omp critical
    acct.balance += amount
    acct.history.append(t)
    # omp end critical

for name in sorted(accounts):
    a = accounts[name]
    print(name, a.balance, len(a.history), sorted(a.history)[:3])
