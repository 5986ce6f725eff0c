# Source: github.com/python/pyperformance, pyperformance/data-files/benchmarks/bm_pidigits/run_benchmark.py
"""pyperformance's pidigits (the Benchmarks Game's spigot), ported: module-level
`icount`/`islice` aliases, the generators `gen_x`/`gen_pi_digits` and the helpers
unchanged; the runner's repeated `calc_ndigits(n)` replaced by `parallel sections`
computing three prefixes of pi at once, each section storing its own result."""

import itertools

DEFAULT_DIGITS = 600

icount = itertools.count
islice = itertools.islice


def gen_x():
    return map(lambda k: (k, 4 * k + 2, 0, 2 * k + 1), icount(1))


def compose(a, b):
    aq, ar, as_, at = a
    bq, br, bs, bt = b
    return (aq * bq,
            aq * br + ar * bt,
            as_ * bq + at * bs,
            as_ * br + at * bt)


def extract(z, j):
    q, r, s, t = z
    return (q * j + r) // (s * j + t)


def gen_pi_digits():
    z = (1, 0, 0, 1)
    x = gen_x()
    while 1:
        y = extract(z, 3)
        while y != extract(z, 4):
            z = compose(z, next(x))
            y = extract(z, 3)
        z = compose((10, -10 * y, 0, 1), z)
        yield y


def calc_ndigits(n):
    return list(islice(gen_pi_digits(), n))


if __name__ == "__main__":
    results = {}
    # omp parallel sections
    # omp section
    results["short"] = calc_ndigits(50)
    # omp section
    results["medium"] = calc_ndigits(DEFAULT_DIGITS // 2)
    # omp section
    results["long"] = calc_ndigits(DEFAULT_DIGITS)
    # omp end parallel sections
    for key in ("short", "medium", "long"):
        digits = results[key]
        print(key, len(digits), "".join(map(str, digits[-20:])))
    print(results["long"][:300] == results["medium"], sum(results["long"]))
