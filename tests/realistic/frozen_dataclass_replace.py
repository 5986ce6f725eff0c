"""Immutable records (frozen dataclasses) updated the functional way: each iteration
builds a new record with `dataclasses.replace` and stores it back into the shared
list; a tally of the new states is kept under critical."""

from dataclasses import dataclass, replace


@dataclass(frozen=True)
class Account:
    name: str
    balance: int
    status: str = "open"


accounts = [Account(f"acct{i}", (i * 37) % 200 - 60) for i in range(60)]
tally = {}

# omp parallel for schedule(dynamic, 5)
for i in range(len(accounts)):
    a = accounts[i]
    interest = a.balance // 10 if a.balance > 0 else a.balance // 5
    new = replace(a, balance=a.balance + interest)
    if new.balance < 0:
        new = replace(new, status="overdrawn")
    accounts[i] = new
    # omp critical
    tally[new.status] = tally.get(new.status, 0) + 1
    # omp end critical

print(accounts[3], accounts[7])
print(sum(a.balance for a in accounts), sorted(tally.items()))
