"""taskloop: reduction (sum, a list concatenated in iteration order, max), grainsize
(also strict), num_tasks, lastprivate, collapse(2), stores into a shared list, nogroup
followed by taskwait, master taskloop and masked taskloop, a taskloop outside any
region, and one in a function called from single."""


def weight(i):
    return (i * 37) % 11


def scaled(values, factor):
    total = 0
    # omp taskloop reduction(+: total) num_tasks(3)
    for v in values:
        total += v * factor
    return total


def main():
    n = 50
    plain = 0
    # omp taskloop reduction(+: plain)
    for i in range(n):
        plain += weight(i)
    print("outside a region:", plain)

    total = 0
    order = []
    top = -1
    last = None
    out = [0] * n
    grid = [[0] * 4 for _ in range(3)]
    strict_total = 0
    from_function = None
    late = [0] * 10
    # omp parallel
    if True:
        # omp single
        if True:
            # omp taskloop grainsize(7) reduction(+: total, order) reduction(max: top)
            for i in range(n):
                total += weight(i)
                order += [i]
                top = max(top, weight(i))
            # omp taskloop num_tasks(4) lastprivate(last)
            for i in range(n):
                out[i] = i * i
                last = i
            # omp taskloop collapse(2)
            for r in range(3):
                for c in range(4):
                    grid[r][c] = r * 10 + c
            # omp taskloop grainsize(strict: 6) reduction(+: strict_total)
            for i in range(n):
                strict_total += i
            from_function = scaled(list(range(10)), 3)
            # omp taskloop nogroup
            for i in range(10):
                late[i] = i + 100
            # omp taskwait
        # omp end single
        masked_total = 0
        # omp masked taskloop filter(0) reduction(+: masked_total)
        for i in range(n):
            masked_total += 2
        # omp master taskloop reduction(+: masked_total)
        for i in range(5):
            masked_total += 1
    # omp end parallel
    print(total, order == list(range(n)), top)
    print(last, out[:5], sum(out))
    print(grid)
    print(strict_total, from_function, late[:3])


main()
