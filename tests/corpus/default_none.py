"""`default(none)` with every used name in a clause (builtins, modules, functions
and loop variables need none), on `parallel for` and on a region."""

import math


def weight(x):
    return x % 7 + 1


def main():
    n = 30
    data = [i * 3 % 11 for i in range(n)]
    out = [0] * n
    total = 0
    # omp parallel for default(none) shared(data, out, n) reduction(+:total) private(w)
    for i in range(n):
        w = weight(data[i]) + math.isqrt(i)
        out[i] = w
        total += w
    print("parallel for", total, out)

    scale, last = 4, None
    res = [0] * n
    # omp parallel for default(none) shared(res, data, n) firstprivate(scale) lastprivate(last)
    for i in range(n):
        res[i] = data[i] * scale
        last = res[i] + len(data)
    print("first/last", res, last)

    out2 = [0] * n
    # omp parallel default(none) shared(out2, data, n) private(i, t)
    # omp for
    for i in range(n):
        t = abs(data[i] - 5)
        out2[i] = t
    print("region", out2)


if __name__ == "__main__":
    main()
