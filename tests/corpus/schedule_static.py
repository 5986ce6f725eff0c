"""Static schedules: default, `static`, `static` with chunks 1, 4, larger than
the loop, and loops shorter than the team (3, 1, 0 iterations)."""


def work(i):
    return (i * i + 7 * i) % 97


def run_default(n):
    out, total = [None] * n, 0
    # omp parallel for reduction(+:total)
    for i in range(n):
        out[i] = work(i)
        total += out[i]
    return total, out


def run_static(n):
    out, total = [None] * n, 0
    # omp parallel for schedule(static) reduction(+:total)
    for i in range(n):
        out[i] = work(i)
        total += out[i]
    return total, out


def run_static_1(n):
    out, total = [None] * n, 0
    # omp parallel for schedule(static, 1) reduction(+:total)
    for i in range(n):
        out[i] = work(i)
        total += out[i]
    return total, out


def run_static_4(n):
    out, total = [None] * n, 0
    # omp parallel for schedule(static, 4) reduction(+:total)
    for i in range(n):
        out[i] = work(i)
        total += out[i]
    return total, out


def run_static_big(n):
    out, total = [None] * n, 0
    # omp parallel for schedule(static, 1000) reduction(+:total)
    for i in range(n):
        out[i] = work(i)
        total += out[i]
    return total, out


def main():
    for n in (53, 3, 1, 0):
        results = [f(n) for f in (run_default, run_static, run_static_1, run_static_4,
                                  run_static_big)]
        print(n, results[0][0], results[0][1])
        print("all schedules agree", all(r == results[0] for r in results))

    # static without a chunk: one contiguous block per thread, in thread order
    order = []
    # omp parallel for schedule(static) reduction(+:order)
    for i in range(37):
        order += [i]
    print("static order", order == list(range(37)))

    last = None
    # omp parallel for schedule(static, 3) lastprivate(last)
    for i in range(41):
        last = work(i)
    print("lastprivate static,3", last)


if __name__ == "__main__":
    main()
