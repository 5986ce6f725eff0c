"""`lastprivate`: the value from the sequentially last iteration, with static,
chunked, dynamic and guided schedules, several names, the loop variable, steps,
and combined with firstprivate."""


def main():
    n = 50

    last = None
    # omp parallel for lastprivate(last)
    for i in range(n):
        last = i * i
    print("static", last)

    last = None
    # omp parallel for lastprivate(last) schedule(static, 7)
    for i in range(n):
        last = i * 3 + 1
    print("static,7", last)

    last = None
    # omp parallel for lastprivate(last) schedule(dynamic)
    for i in range(n):
        last = (i, str(i))
    print("dynamic", last)

    last = None
    # omp parallel for lastprivate(last) schedule(dynamic, 4)
    for i in range(n):
        last = [i] * 3
    print("dynamic,4", last)

    last = None
    # omp parallel for lastprivate(last) schedule(guided)
    for i in range(n):
        last = i - 1000
    print("guided", last)

    p, q, r = None, None, None
    # omp parallel for lastprivate(p, q) lastprivate(r)
    for i in range(n):
        p = i
        q = i * 2
        r = f"r{i}"
    print("several", p, q, r)

    # omp parallel for lastprivate(i)
    for i in range(0, 25, 4):
        pass
    print("loop variable", i)

    # omp parallel for lastprivate(k) schedule(dynamic)
    for k in range(30, 0, -7):
        pass
    print("loop variable, negative step", k)

    v = "abc"
    # omp parallel for firstprivate(v) lastprivate(w)
    for i in range(n):
        w = v[:3] + str(i)
    print("first+last", w)

    w = None
    # omp parallel for lastprivate(w)
    for item in ["x", "y", "z"]:
        w = item.upper()
    print("list iterable", w)


if __name__ == "__main__":
    main()
