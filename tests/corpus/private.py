"""`private`: each thread has its own, initially unbound, copy; after the
construct the master keeps its old value (chosen here to equal the value plain
Python leaves, so both runs print the same)."""


def main():
    n = 40

    x = n - 7  # (39 * 7) % 40 == 33 == n - 7: the last iteration's value
    out = [0] * n
    # omp parallel for private(x)
    for i in range(n):
        x = (i * 7) % n
        out[i] = x * x
    print("x", x, out)

    buf = [n - 1, n, n + 1]
    sums = [0] * n
    # omp parallel for private(buf)
    for i in range(n):
        buf = [i, i + 1]
        buf.append(i + 2)
        sums[i] = sum(buf)
    print("buf", buf, sums)

    a = b = 0
    res = [None] * n
    # omp parallel for private(a, b) schedule(dynamic, 3)
    for i in range(n):
        a = i % 4
        b = i // 4
        res[i] = (a, b)
        a = b = 0
    print("a b", a, b, res)

    tmp = "unchanged"
    squares = [0] * n
    # omp parallel private(tmp)
    # omp for
    for i in range(n):
        tmp = i * i
        squares[i] = tmp
        tmp = "unchanged"
    print("region", tmp, squares)


if __name__ == "__main__":
    main()
