"""`if(...)` and `num_threads(...)` clauses: false conditions (one thread), true
conditions, expressions, fixed and computed team sizes (also more than the work)."""


def main():
    n = 40
    items = list(range(n))

    s = 0
    # omp parallel for if(False) reduction(+:s)
    for i in range(n):
        s += i
    print("if(False)", s)

    out = [0] * n
    # omp parallel for if(n > 1000)
    for i in range(n):
        out[i] = i * 2
    print("if(n > 1000)", out)

    t = 0
    # omp parallel for if(len(items) > 1) reduction(+:t)
    for x in items:
        t += x * x
    print("if(true expr)", t)

    flag = False
    seq = []
    # omp parallel for if(flag) reduction(+:seq)
    for i in range(10):
        seq += [i]
    print("if(name)", seq)

    u = 0
    # omp parallel for num_threads(2) reduction(+:u)
    for i in range(n):
        u += 3 * i
    print("num_threads(2)", u)

    v = 0
    # omp parallel for num_threads(n // 10) reduction(+:v)
    for i in range(n):
        v += i % 6
    print("num_threads(expr)", v)

    w = []
    # omp parallel for num_threads(1) reduction(+:w)
    for i in range(8):
        w += [i * i]
    print("num_threads(1)", w)

    few = [0] * 3
    # omp parallel for num_threads(5)
    for i in range(3):
        few[i] = i + 10
    print("more threads than work", few)

    zs = [0] * n
    # omp parallel if(n > 5) num_threads(3)
    # omp for
    for i in range(n):
        zs[i] = 1
    print("region if+num_threads", sum(zs))

    q = 0
    # omp parallel for if(0) num_threads(4) reduction(+:q)
    for i in range(n):
        q += 2
    print("if(0) with num_threads", q)


if __name__ == "__main__":
    main()
