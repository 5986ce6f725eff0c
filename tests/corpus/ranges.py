"""`range` loops with any start/stop/step: negative steps, empty ranges, big
ints, a range held in a variable; sums and sequential-order list reductions."""


def run(start, stop, step):
    s, acc = 0, []
    # omp parallel for reduction(+:s) reduction(+:acc)
    for i in range(start, stop, step):
        s += i * (i % 5 + 1)
        acc += [i]
    print(f"range({start}, {stop}, {step})", s, len(acc), acc[:3], acc[-3:],
          acc == list(range(start, stop, step)))


def main():
    for args in [(0, 10, 1), (3, 17, 1), (-10, 10, 3), (20, 0, -1), (20, -21, -4),
                 (-3, -30, -7), (0, 100, 7), (5, 5, 1), (10, 0, 1), (0, 10, -1),
                 (0, 1, 1), (1, 0, -1), (7, 8, 100)]:
        run(*args)

    n = 23
    s = 0
    # omp parallel for reduction(+:s)
    for i in range(n):
        s += i
    t = 0
    # omp parallel for reduction(+:t)
    for i in range(2, n):
        t += i * i
    down = []
    # omp parallel for reduction(+:down)
    for i in range(n - 1, -1, -1):
        down += [i]
    print("literals", s, t, down)

    xs = [3, 1, 4, 1, 5, 9, 2, 6]
    w = 0
    # omp parallel for reduction(+:w)
    for i in range(len(xs)):
        w += xs[i] * i
    print("len", w)

    big = []
    # omp parallel for reduction(+:big)
    for i in range(10**20, 10**20 + 40, 7):
        big += [i - 10**20]
    bigsum = 0
    # omp parallel for reduction(+:bigsum)
    for i in range(-(2**70), -(2**70) - 50, -9):
        bigsum += i
    print("big ints", big, bigsum)

    r = range(100, 0, -13)
    seq = []
    # omp parallel for reduction(+:seq)
    for i in r:
        seq += [i]
    print("range object", seq)

    untouched, prod = 42, 5
    # omp parallel for reduction(+:untouched) reduction(*:prod)
    for i in range(10, 10):
        untouched += 1000
        prod *= 0
    print("empty keeps values", untouched, prod)


if __name__ == "__main__":
    main()
