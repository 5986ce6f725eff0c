"""A helper rebinds a nonlocal list (acc = acc + [x]) under critical, inside a function
with a region."""


def collect(n):
    acc = []
    total = 0

    def add(x):
        nonlocal acc, total
        # omp critical
        acc = acc + [x]  # noqa: RUF005
        total += x
        # omp end critical

    # omp parallel for
    for i in range(n):
        add(i * i % 11)
    return sorted(acc), total


print(collect(30))
