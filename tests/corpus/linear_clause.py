"""linear: `linear(j: 3)` on `parallel for` (each iteration starts from j0 + k * 3, the master gets the last value), `linear(k)` with the default step on a `for` in a region with a dynamic schedule, two names with `step(...)`, the `val` modifier, and `linear` on `simd` (no effect)."""


def main(n):
    out = [0] * n
    j = 5
    # omp parallel for linear(j: 3)
    for i in range(n):
        out[i] = j
        j += 3
    print(out, j)

    seen = [0] * n
    k = 0
    # omp parallel
    if True:
        # omp for linear(k) schedule(dynamic, 2)
        for i in range(n):
            seen[i] = k * 10
            k += 1
    # omp end parallel
    print(seen, k)

    pairs = [None] * n
    a, b = 0, 100
    # omp parallel for linear(a, b: step(-2))
    for i in range(n):
        pairs[i] = (a, b)
        a -= 2
        b -= 2
    print(pairs[-3:], a, b)

    offsets = [0.0] * n
    x = 0.5
    # omp parallel for linear(val(x): 0.25)
    for i in range(n):
        offsets[i] = x
        x += 0.25
    print(offsets[:4], x)

    m = 0
    # omp simd linear(m: 1)
    for i in range(n):
        m += 1
    print(m)


main(12)
