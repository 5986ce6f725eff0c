"""`+` reductions on lists, strings, tuples and bytes: with the default static
schedule (and explicit `schedule(static)`) they concatenate in sequential order."""


def main():
    n = 30

    out = []
    # omp parallel for reduction(+:out)
    for i in range(n):
        out += [i * i]
    print("list +=", out)

    out2 = [-1]
    # omp parallel for reduction(+:out2) schedule(static)
    for i in range(n):
        out2 = out2 + [i, -i]
    print("list = +", out2)

    s = ""
    # omp parallel for reduction(+:s)
    for i in range(60):
        s += chr(ord("a") + i % 26)
    print("str", s)

    s2 = "start:"
    # omp parallel for schedule(static) reduction(+:s2)
    for i in range(n):
        s2 += str(i) + ","
    print("str static", s2)

    t = ()
    # omp parallel for reduction(+:t)
    for i in range(n):
        t += (i % 4,)
    print("tuple", t)

    b = b">"
    # omp parallel for reduction(+:b)
    for i in range(n):
        b += bytes([65 + i % 26])
    print("bytes", b)

    # fewer iterations than threads: some threads contribute nothing
    few = ["x"]
    # omp parallel for reduction(+:few)
    for i in range(2):
        few += [str(i)]
    print("few", few)

    none = ["kept"]
    # omp parallel for reduction(+:none)
    for i in range(0):
        none += [i]
    print("empty", none)


if __name__ == "__main__":
    main()
