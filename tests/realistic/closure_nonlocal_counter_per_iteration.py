"""A counter factory (closure with nonlocal) called inside each iteration: every
iteration makes its own closures, so nothing is shared; per-iteration totals are
stored by index."""


def make_counter(step):
    n = 0

    def tick():
        nonlocal n
        n += step
        return n

    def peek():
        return n

    return tick, peek


totals = [0] * 120

# omp parallel for
for i in range(len(totals)):
    tick, peek = make_counter(i % 7 + 1)
    for _ in range(i % 11):
        tick()
    totals[i] = peek()

print(sum(totals), totals[:12])
