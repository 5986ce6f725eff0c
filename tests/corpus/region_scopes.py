"""Regions in every kind of scope: module level (globals), a function, a method,
a static method, a nested function reading closure variables, a generator."""

N = 30

module_total = 0
module_out = [0] * N
# omp parallel for reduction(+:module_total)
for idx in range(N):
    module_total += idx * 2
    module_out[idx] = idx % 4
print("module", module_total, module_out)


def in_function(n):
    s = 0
    # omp parallel for reduction(+:s)
    for i in range(n):
        s += i ** 2
    return s


class Accumulator:
    def __init__(self, values):
        self.values = values
        self.out = [None] * len(values)

    def run(self):
        total = 0
        # omp parallel for reduction(+:total)
        for i in range(len(self.values)):
            total += self.values[i]
            self.out[i] = self.values[i] * 10
        self.total = total
        return self

    @staticmethod
    def count_odd(items):
        odd = 0
        # omp parallel for reduction(+:odd)
        for x in items:
            odd += x % 2
        return odd


def outer(scale, offset):
    table = {}

    def inner(n):
        acc = 0
        res = [0] * n
        # omp parallel for reduction(+:acc)
        for i in range(n):
            res[i] = i * scale + offset
            acc += res[i]
        table["acc"] = acc
        return res

    return inner(12), table


def gen_totals(k):
    for rep in range(k):
        s = 0
        # omp parallel for reduction(+:s)
        for i in range(rep * 10):
            s += i
        yield s


def main():
    print("function", in_function(N))
    acc = Accumulator([3, 1, 4, 1, 5, 9, 2, 6, 5, 3]).run()
    print("method", acc.total, acc.out)
    print("staticmethod", Accumulator.count_odd(range(N)))
    print("closure", outer(3, -5))
    print("generator", list(gen_totals(4)))
    lam = lambda n: in_function(n) + 1  # noqa: E731
    print("via lambda", lam(7))


if __name__ == "__main__":
    main()
