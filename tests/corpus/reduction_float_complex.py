"""Reductions on floats (+ - * min max) and complex numbers (+ - *); exact
dyadic values are printed with repr, inexact sums rounded."""


def main():
    n = 100

    s = 0.0
    # omp parallel for reduction(+:s)
    for i in range(n):
        s += i * 0.25
    print("+ exact", repr(s))

    h = 0.0
    # omp parallel for reduction(+:h)
    for i in range(1, n + 1):
        h += 1.0 / i
    print("+ harmonic", f"{h:.9f}")

    d = 1000.5
    # omp parallel for reduction(-:d)
    for i in range(n):
        d -= 0.5 * i
    print("-", repr(d))

    p = 1.0
    # omp parallel for reduction(*:p)
    for i in range(n):
        p *= 2.0 if i % 3 else 0.5
    print("* exact", repr(p))

    q = 1.0
    # omp parallel for reduction(*:q)
    for i in range(n):
        q *= 1.0 + i / 1000
    print("* rounded", f"{q:.6f}")

    lo = 1e300
    hi = -1e300
    # omp parallel for reduction(min:lo) reduction(max:hi)
    for i in range(n):
        v = (i - 40.5) ** 3 / 7.0
        lo = min(lo, v)
        hi = max(hi, v)
    print("min/max", repr(lo), repr(hi))

    z = 0j
    # omp parallel for reduction(+:z)
    for i in range(n):
        z += complex(i, -2 * i)
    print("complex +", z)

    zd = complex(1.5, 0.25)
    # omp parallel for reduction(-:zd)
    for i in range(n):
        zd -= complex(i * 0.5, 1)
    print("complex -", zd)

    w = 1 + 0j
    # omp parallel for reduction(*:w)
    for i in range(10):
        w *= 1j
    u = 1 + 0j
    # omp parallel for reduction(*:u)
    for i in range(20):
        u *= 1 + 1j
    # normalise signed zeros, which depend on the order of multiplication
    print("complex *", complex(w.real + 0.0, w.imag + 0.0), complex(u.real + 0.0, u.imag + 0.0))

    zc = 0j
    # omp parallel for reduction(+:zc)
    for i in range(n):
        zc += complex(1 / (i + 1), 1 / (i + 2))
    print("complex + rounded", f"{zc.real:.9f} {zc.imag:.9f}")


if __name__ == "__main__":
    main()
