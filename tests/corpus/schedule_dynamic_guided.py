"""Dynamic and guided schedules, with and without chunks, on uneven work: item
stores, sums, list reductions compared sorted, and lastprivate."""


def uneven(i):
    # iterations cost very different amounts
    return sum(k * k for k in range(i % 13 * 20)) % 1000


def check(label, out, total, items, last):
    print(label, total, sorted(items) == list(range(len(out))), last, out[:8])


def main():
    n = 60

    out, total, items, last = [0] * n, 0, [], None
    # omp parallel for schedule(dynamic) reduction(+:total, items) lastprivate(last)
    for i in range(n):
        out[i] = uneven(i)
        total += out[i]
        items += [i]
        last = out[i] * 2
    check("dynamic", out, total, items, last)

    out, total, items, last = [0] * n, 0, [], None
    # omp parallel for schedule(dynamic, 1) reduction(+:total, items) lastprivate(last)
    for i in range(n):
        out[i] = uneven(i)
        total += out[i]
        items += [i]
        last = out[i] * 2
    check("dynamic,1", out, total, items, last)

    out, total, items, last = [0] * n, 0, [], None
    # omp parallel for schedule(dynamic, 7) reduction(+:total, items) lastprivate(last)
    for i in range(n):
        out[i] = uneven(i)
        total += out[i]
        items += [i]
        last = out[i] * 2
    check("dynamic,7", out, total, items, last)

    out, total, items, last = [0] * n, 0, [], None
    # omp parallel for schedule(guided) reduction(+:total, items) lastprivate(last)
    for i in range(n):
        out[i] = uneven(i)
        total += out[i]
        items += [i]
        last = out[i] * 2
    check("guided", out, total, items, last)

    out, total, items, last = [0] * n, 0, [], None
    # omp parallel for schedule(guided, 3) reduction(+:total, items) lastprivate(last)
    for i in range(n):
        out[i] = uneven(i)
        total += out[i]
        items += [i]
        last = out[i] * 2
    check("guided,3", out, total, items, last)

    out, total, items, last = [0] * n, 0, [], None
    # omp parallel for schedule(guided, 50) reduction(+:total, items) lastprivate(last)
    for i in range(n):
        out[i] = uneven(i)
        total += out[i]
        items += [i]
        last = out[i] * 2
    check("guided,50", out, total, items, last)

    # fewer iterations than threads
    few = [0, 0]
    # omp parallel for schedule(dynamic)
    for i in range(2):
        few[i] = uneven(i + 5)
    # omp parallel for schedule(guided)
    for i in range(0):
        few[i] = -1
    print("few", few)


if __name__ == "__main__":
    main()
