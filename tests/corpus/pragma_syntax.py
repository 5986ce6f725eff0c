"""Pragma spelling: continuation lines in both styles (`# omp   clause` and
`#   clause`), `#omp`, extra spaces, optional commas between clauses, and blank
lines and ordinary comments between a pragma and its statement."""


def main():
    n = 50

    s = 0
    # omp parallel for \
    # omp     reduction(+:s) \
    # omp     schedule(static)
    for i in range(n):
        s += i
    print("sentinel continuation", s)

    t, last = 0, None
    # omp parallel for \
    #     reduction(+:t) \
    #     lastprivate(last)
    for i in range(n):
        t += i * 2
        last = i
    print("bare continuation", t, last)

    u = 0
    #omp parallel for reduction(+:u)
    for i in range(n):
        u += 3
    v = 0
    #   omp   parallel   for   reduction( + : v )   schedule( dynamic , 4 )
    for i in range(n):
        v += i % 4
    print("spacing", u, v)

    a, p = 0, 1
    # omp parallel for reduction(+:a), reduction(*:p), schedule(guided, 2)
    for i in range(1, 15):
        a += i
        p *= 2
    print("commas", a, p)

    w = 0
    # omp parallel for reduction(+:w)

    # an ordinary comment; the pragma still applies to the loop below
    # note: omp pragmas are comments, this line is not one
    for i in range(n):
        w += i * i
    print("gap", w)

    out = [0] * 10
    # omp parallel \
    # omp   num_threads(3) \
    # omp   shared(out)
    # omp for \
    #   schedule(static, 2)
    for i in range(10):
        out[i] = i * 7
    print("continued region", out)


if __name__ == "__main__":
    main()
