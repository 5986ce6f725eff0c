"""A memo dict held by an object and filled by its method under a named critical
(check, compute outside, store inside): binomial coefficients by Pascal's rule."""


class Binomial:
    def __init__(self):
        self.memo = {}
        self.computed = 0

    def c(self, n, k):
        if k == 0 or k == n:
            return 1
        key = (n, k)
        # omp critical(memo)
        hit = self.memo.get(key)
        # omp end critical
        if hit is not None:
            return hit
        value = self.c(n - 1, k - 1) + self.c(n - 1, k)
        # omp critical(memo)
        if key not in self.memo:
            self.memo[key] = value
            self.computed += 1
        # omp end critical
        return value


b = Binomial()
rows = [0] * 30
# omp parallel for schedule(dynamic)
for n in range(30):
    rows[n] = sum(b.c(n, k) for k in range(n + 1))

print(rows[:8], rows[-1], b.computed, len(b.memo))
