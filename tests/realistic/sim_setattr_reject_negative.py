"""__setattr__ override: an Account refuses a negative balance by raising, and logs
every accepted change in a per-object list. Transactions run in a parallel loop, one
account per iteration; failures are counted with a reduction."""


class Overdraft(Exception):
    pass


class Account:
    def __init__(self, name, balance):
        object.__setattr__(self, "log", [])
        self.name = name
        self.balance = balance

    def __setattr__(self, key, value):
        if key == "balance" and value < 0:
            raise Overdraft(f"{self.name}: {value}")
        self.log.append(key)
        object.__setattr__(self, key, value)


accounts = [Account(f"a{i}", 50 + i) for i in range(80)]
failed = 0

# omp parallel for reduction(+:failed) schedule(dynamic, 5)
for i in range(len(accounts)):
    for k in range(12):
        try:
            accounts[i].balance -= (i * k) % 17
        except Overdraft:
            failed += 1

print(failed, sum(a.balance for a in accounts), sum(len(a.log) for a in accounts))
print(accounts[7].log[:4], accounts[7].balance)
