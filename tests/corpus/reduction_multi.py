"""Several reduction variables in one clause and several reduction clauses on
one construct, mixed with private and lastprivate."""


def main():
    n = 80

    a = b = c = 0
    # omp parallel for reduction(+:a, b, c)
    for i in range(n):
        a += i
        b += i * i
        c += 1
    print("one clause", a, b, c)

    x, y = 10, 20
    # omp parallel for reduction(+:x,y)
    for i in range(n):
        x += i % 3
        y -= i % 5
    print("no space", x, y)

    s, p, hi, lo = 0, 1, -1, 10**6
    # omp parallel for reduction(+:s) reduction(*:p) reduction(max:hi) reduction(min:lo)
    for i in range(1, 25):
        v = (i * 13) % 29
        s += v
        p *= v
        hi = max(hi, v)
        lo = min(lo, v)
    print("four clauses", s, p, hi, lo)

    e, f = 0, 0
    # omp parallel for reduction(+:e) reduction(+:f)
    for i in range(n):
        e += i & 7
        f += i | 7
    print("same op twice", e, f)

    count, text, words = 0, "", []
    # omp parallel for reduction(+:count, text, words)
    for i in range(26):
        count += 1
        text += chr(65 + i)
        words += [chr(97 + i) * 2]
    print("mixed types", count, text, words)

    total, last = 0, None
    # omp parallel for reduction(+:total) lastprivate(last) private(tmp)
    for i in range(n):
        tmp = i * 3
        total += tmp
        last = tmp
    print("with lastprivate", total, last)

    ok, bits, parity = True, 0, 0
    # omp parallel for reduction(and:ok) reduction(|:bits) reduction(^:parity)
    for i in range(n):
        ok = ok and i < n
        bits |= 1 << (i % 40)
        parity ^= i
    print("logic", ok, bits, parity)


if __name__ == "__main__":
    main()
