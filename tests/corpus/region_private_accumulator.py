"""The manual-reduction idiom: a name bound in a `parallel` block is private to
each thread, accumulates in an inner `for`, and is folded into a region reduction."""


def main():
    n = 120

    acc = 100
    # omp parallel reduction(+:acc)
    part = 0
    # omp for
    for i in range(n):
        part += i
    acc += part
    # omp end parallel
    print("sum", acc)

    best = -1
    # omp parallel reduction(max:best)
    mine = -1
    # omp for schedule(dynamic, 4)
    for i in range(n):
        mine = max(mine, (i * 17) % 101)
    best = max(best, mine)
    # omp end parallel
    print("max", best)


if __name__ == "__main__":
    main()
