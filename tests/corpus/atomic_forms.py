"""atomic read, write, update (augmented and `x = x op e` forms, items and attributes), capture (`v = x; x += e`, `x += e; v = x`, `v = x = x + e`, `v = x; x = e`, block form), compare (`if x == e: x = d`, `if x < e: x = e`, `if x > e: x = e`) and compare capture; memory-order and hint clauses."""


class Stats:
    def __init__(self):
        self.total = 0


def main(n):
    count = 0
    tickets = []
    # omp parallel for
    for i in range(n):
        # omp atomic capture seq_cst
        mine = count; count += 1
        # omp critical
        tickets.append(mine)
    print(count, sorted(tickets) == list(range(n)))

    best = -1
    low = 10 ** 9
    hist = [0] * 5
    stats = Stats()
    flag = 0
    # omp parallel for
    for i in range(n):
        v = (i * 37) % 101
        # omp atomic compare
        if best < v: best = v
        # omp atomic compare acq_rel
        if v < low:
            low = v
        # omp atomic update hint(0)
        hist[i % 5] = hist[i % 5] + 1
        # omp atomic relaxed
        stats.total += v
        # omp atomic compare
        if flag == 0: flag = 1
    print(best, low, hist, stats.total, flag)

    shared_value = 5
    got = []
    # omp parallel for
    for i in range(n):
        # omp atomic read acquire
        seen = shared_value
        # omp critical
        got.append(seen)
    print(set(got))

    last = None
    # omp parallel for
    for i in range(n):
        # omp atomic write release
        last = 7
    print(last)

    after = []
    total = 0
    # omp parallel for
    for i in range(n):
        # omp atomic capture
        new = total = total + i
        # omp critical
        after.append(new)
    print(total, max(after) == total, len(after))

    slots = [0, 0]
    olds = []
    # omp parallel for
    for i in range(n):
        # omp atomic capture
        slots[0] += 2
        now = slots[0]
        # omp end atomic
        # omp atomic capture
        old = slots[1]; slots[1] = 9
        # omp critical
        olds.append(now)
    print(slots, sorted(olds) == list(range(2, 2 * n + 1, 2)))

    owner = -1
    winners = []
    # omp parallel for
    for i in range(n):
        # omp atomic compare capture
        prev = owner
        if owner == -1: owner = i
        # omp end atomic
        if prev == -1:
            # omp critical
            winners.append(i)
    print(len(winners), owner in winners)


main(40)
