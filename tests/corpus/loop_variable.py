"""Loop variables are private: after the loop the master keeps its own value.
Pre-set to the value plain Python leaves (or loops are empty), so both agree."""


def main():
    n = 20
    out = [0] * n

    i = n - 1
    # omp parallel for
    for i in range(n):
        out[i] = i * 2
    print("after range", i, out)

    j = "before"
    # omp parallel for
    for j in range(5, 5):
        out[0] = -1
    print("after empty loop", j)

    k, v = "c", 3
    d = {"a": 1, "b": 2, "c": 3}
    got = {"a": 0, "b": 0, "c": 0}
    # omp parallel for
    for k, v in d.items():
        got[k] = v * 10
    print("after items", k, v, got)

    r = 0
    res = [0] * 10
    # omp parallel
    # omp for
    for r in range(9, -1, -1):
        res[r] = r * r
    print("after region loop", r, res)


if __name__ == "__main__":
    main()
