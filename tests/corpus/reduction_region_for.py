"""Reductions with a `for` inside a `parallel` region: the clause on the region
(updated in the inner loop) and the clause on the inner `for`."""


def main():
    n = 90

    total = 5
    # omp parallel reduction(+:total)
    # omp for
    for i in range(n):
        total += i * 3
    print("region clause", total)

    s = 0
    # omp parallel
    # omp for reduction(+:s)
    for i in range(n):
        s += i % 7
    print("for clause", s)

    print("block", *block(n))

    m = -1
    # omp parallel reduction(max:m)
    # omp for schedule(dynamic, 3)
    for i in range(n):
        m = max(m, (i * 31) % 89)
    print("region max", m)


def block(n):
    # kept apart from the single-statement regions in main(): see README.md
    s2, text, seq = 0, "", []
    # omp parallel
    scale = 3
    # omp for reduction(+:s2)
    for i in range(n):
        s2 += i * scale
    # omp for reduction(+:text)
    for i in range(20):
        text += str(i % 10)
    # omp for schedule(static) reduction(+:seq)
    for i in range(15):
        seq += [i * scale]
    # omp end parallel
    return s2, text, seq


if __name__ == "__main__":
    main()
