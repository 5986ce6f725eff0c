"""Reductions on ints with every operator (+ - * & | ^ min max, and/or and the
&&/|| spellings), including big ints far beyond 2**64."""


def main():
    n = 100

    s = 7
    # omp parallel for reduction(+:s)
    for i in range(n):
        s += i * i
    print("+", s)

    d = 10_000
    # omp parallel for reduction(-:d)
    for i in range(n):
        d -= 3 * i
    print("-", d)

    d2 = 0
    # omp parallel for reduction(-:d2)
    for i in range(n):
        d2 = d2 - (i % 7)
    print("- spelled out", d2)

    p = 1
    # omp parallel for reduction(*:p)
    for i in range(1, 41):
        p *= i
    print("* 40!", p, p > 2**64)

    p2 = 3
    # omp parallel for reduction(*:p2)
    for i in range(n):
        p2 = p2 * (-1 if i % 11 == 0 else 2 if i % 13 == 0 else 1)
    print("* signs", p2)

    big = 2**70
    # omp parallel for reduction(+:big)
    for i in range(n):
        big += (2**65 + i) * (-1) ** i
    print("+ big", big)

    bits = 0
    # omp parallel for reduction(|:bits)
    for i in range(0, 200, 3):
        bits |= 1 << i
    print("|", bits)

    mask = (1 << 150) - 1
    # omp parallel for reduction(&:mask)
    for i in range(n):
        mask &= ~(1 << (i * 3 % 150))
    print("&", mask)

    x = 0x5A5A
    # omp parallel for reduction(^:x)
    for i in range(n):
        x ^= (i * 2654435761) & 0xFFFFFFFFFFFFFFFFFFFF
    print("^", x)

    lo = 10**30
    # omp parallel for reduction(min:lo)
    for i in range(n):
        lo = min(lo, (i * 37 % 101) - 50)
    print("min", lo)

    hi = 0
    # omp parallel for reduction(max:hi)
    for i in range(n):
        v = (i * 7919) % 1009 * 2**80
        if v > hi:
            hi = v
    print("max", hi)

    all_nonneg = True
    # omp parallel for reduction(and:all_nonneg)
    for i in range(n):
        all_nonneg = all_nonneg and i >= 0
    print("and", all_nonneg)

    any_big = False
    # omp parallel for reduction(or:any_big)
    for i in range(n):
        any_big = any_big or i * i > 9000
    print("or", any_big)

    all_even = True
    # omp parallel for reduction(&&:all_even)
    for i in range(n):
        all_even = all_even and i % 2 == 0
    print("&&", all_even)

    any_neg = False
    # omp parallel for reduction(||:any_neg)
    for i in range(n):
        any_neg = any_neg or i < 0
    print("||", any_neg)

    # The master's starting value takes part in the result.
    start_false = False
    # omp parallel for reduction(and:start_false)
    for i in range(n):
        start_false = start_false and i < 1000
    start_true = True
    # omp parallel for reduction(or:start_true)
    for i in range(n):
        start_true = start_true or i > 1000
    print("start values", start_false, start_true)


if __name__ == "__main__":
    main()
