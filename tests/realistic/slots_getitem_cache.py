"""A __slots__ class whose __getitem__ memoizes into a slot dict, read in the loop
under a named critical (the memo is shared state)."""


class Memo:
    __slots__ = ("memo", "calls")

    def __init__(self):
        self.memo = {}
        self.calls = 0

    def __getitem__(self, n):
        if n not in self.memo:
            self.calls += 1
            self.memo[n] = n if n < 2 else self[n - 1] + self[n - 2]
        return self.memo[n]


fib = Memo()
out = [0] * 30
# omp parallel for schedule(dynamic)
for i in range(30):
    # omp critical(memo)
    out[i] = fib[i]
    # omp end critical

print(out[-3:], fib.calls, len(fib.memo))
