"""A class whose staticmethod memoizes in a class-level dict under critical (the
class is the namespace, no instance); values stored by index."""


class Collatz:
    memo = {1: 0}

    @staticmethod
    def steps(n):
        path = []
        while n not in Collatz.memo:
            path.append(n)
            n = n // 2 if n % 2 == 0 else 3 * n + 1
        base = Collatz.memo[n]
        found = {}
        for k, m in enumerate(reversed(path), 1):
            found[m] = base + k
        # omp critical(memo)
        Collatz.memo.update(found)
        return base + len(path)


out = [0] * 500
# omp parallel for schedule(dynamic, 10)
for n in range(1, 501):
    out[n - 1] = Collatz.steps(n)
print(sum(out), max(out), out.index(max(out)) + 1, Collatz.memo[27])
