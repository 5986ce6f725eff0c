"""An exception raised in exactly one iteration reaches the master with the same
type and message: ValueError from int(), from a called function, in a region's
`for`, and ZeroDivisionError; later constructs still work."""


def parse(tok):
    return int(tok)


def checked(i):
    if i == 23:
        raise ValueError(f"bad item {i}: negative weight")
    return i


def main():
    n = 60
    tokens = [str(i) for i in range(n)]
    tokens[55] = "abc"  # in the last static block at every team size

    out = [0] * n
    try:
        # omp parallel for
        for i in range(n):
            out[i] = parse(tokens[i])
    except ValueError as e:
        print(type(e).__name__, e)

    try:
        # omp parallel for schedule(dynamic, 2)
        for i in range(n):
            checked(i)
    except ValueError as e:
        print(type(e).__name__, e)

    try:
        # omp parallel
        # omp for
        for i in range(n):
            out[i] = 1000 // (i - 57)  # in the last block
    except ZeroDivisionError as e:
        print(type(e).__name__, e)

    try:
        # omp parallel for
        for i in range(n):
            if i == n - 1:
                raise KeyError("missing")
    except LookupError as e:
        print(type(e).__name__, e, isinstance(e, KeyError))

    s = 0
    # omp parallel for reduction(+:s)
    for i in range(n):
        s += i
    print("after", s)


if __name__ == "__main__":
    main()
