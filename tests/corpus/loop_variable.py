"""Loop variables are private (reading one after its loop is a translate-time
error: tests/test_reads_after.py)."""


def main():
    n = 20
    out = [0] * n

    # omp parallel for
    for i in range(n):
        out[i] = i * 2
    print("after range", out)

    j = "before"
    # omp parallel for lastprivate(j)
    for j in range(5, 5):
        out[0] = -1
    print("after empty loop", j)

    k, v = "c", 3
    d = {"a": 1, "b": 2, "c": 3}
    got = {"a": 0, "b": 0, "c": 0}
    # omp parallel for
    for k, v in d.items():
        got[k] = v * 10
    print("after items", got)

    r = 0
    res = [0] * 10
    # omp parallel
    # omp for
    for r in range(9, -1, -1):
        res[r] = r * r
    print("after region loop", res)


if __name__ == "__main__":
    main()
