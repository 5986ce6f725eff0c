"""__slots__ classes with a property setter that keeps a derived slot in step."""


class Account:
    __slots__ = ("_balance", "history_len", "owner")

    def __init__(self, owner):
        self.owner = owner
        self._balance = 0
        self.history_len = 0

    @property
    def balance(self):
        return self._balance

    @balance.setter
    def balance(self, v):
        self._balance = v
        self.history_len += 1


accts = [Account(f"u{i}") for i in range(30)]
# omp parallel for schedule(dynamic, 2)
for i in range(30):
    a = accts[i]
    for k in range(i % 4 + 1):
        a.balance = a.balance + k * i
print([(a.owner, a.balance, a.history_len) for a in accts[::7]])
