"""A plain helper module (no pragmas): a memo object whose `get` fills its table on a
miss (a method named like `dict.get` that changes its object)."""


class Memo:
    def __init__(self):
        self.table = {}
        self.misses = [0]

    def get(self, k):
        if k not in self.table:
            self.misses[0] += 1
            self.table[k] = [k * k]
        return self.table[k][0]


memo = Memo()
