"""`schedule(runtime)` (OMP_SCHEDULE may be anything), `schedule(auto)`, and
chunk sizes given by expressions evaluated when the construct is reached."""


def f(i):
    return (i * 2654435761) % 1009


def main():
    n = 75
    data = [f(i) for i in range(n)]

    out, total, last = [0] * n, 0, None
    # omp parallel for schedule(runtime) reduction(+:total) lastprivate(last)
    for i in range(n):
        out[i] = data[i] * 2
        total += data[i]
        last = data[i]
    print("runtime", total, last, out == [d * 2 for d in data])

    out, total = [0] * n, 0
    # omp parallel for schedule(auto) reduction(+:total)
    for i in range(n):
        out[i] = data[i] + 1
        total += data[i] % 10
    print("auto", total, out == [d + 1 for d in data])

    out, total = [0] * n, 0
    # omp parallel for schedule(dynamic, n // 10 + 1) reduction(+:total)
    for i in range(n):
        out[i] = data[i] - i
        total += out[i]
    print("dynamic expr", total, out[:5])

    chunk = 4
    out = [0] * n
    # omp parallel for schedule(guided, chunk)
    for i in range(n):
        out[i] = data[i] // 3
    print("guided name", sum(out), out[-5:])

    out, seq = [0] * n, []
    # omp parallel for schedule(static, max(1, len(data) // 8)) reduction(+:seq)
    for i in range(n):
        out[i] = data[i] % 100
        seq += [i]
    print("static expr", sum(out), sorted(seq) == list(range(n)))

    # a name in the chunk expression may itself be private in the body
    k = 5
    out = [0] * n
    # omp parallel for schedule(dynamic, k * 2) private(k)
    for i in range(n):
        k = i
        out[i] = k + 1
    print("chunk evaluated once", out == list(range(1, n + 1)))

    s = 0
    # omp parallel
    # omp for schedule(runtime) reduction(+:s)
    for i in range(n):
        s += data[i] ^ i
    print("runtime in region", s)


if __name__ == "__main__":
    main()
