"""`private`: each thread has its own, initially unbound, copy (reading it after
the construct is a translate-time error: tests/test_reads_after.py)."""


def main():
    n = 40

    x = n - 7
    out = [0] * n
    # omp parallel for private(x)
    for i in range(n):
        x = (i * 7) % n
        out[i] = x * x
    print("out", out)

    buf = [n - 1, n, n + 1]
    sums = [0] * n
    # omp parallel for private(buf)
    for i in range(n):
        buf = [i, i + 1]
        buf.append(i + 2)
        sums[i] = sum(buf)
    print("sums", sums)

    a = b = 0
    res = [None] * n
    # omp parallel for private(a, b) schedule(dynamic, 3)
    for i in range(n):
        a = i % 4
        b = i // 4
        res[i] = (a, b)
        a = b = 0
    print("a b", res)

    tmp = "unchanged"
    squares = [0] * n
    # omp parallel private(tmp)
    # omp for
    for i in range(n):
        tmp = i * i
        squares[i] = tmp
        tmp = "unchanged"
    print("region", squares)


if __name__ == "__main__":
    main()
