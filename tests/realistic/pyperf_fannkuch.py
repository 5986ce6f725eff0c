# Source: github.com/python/pyperformance, pyperformance/data-files/benchmarks/bm_fannkuch/run_benchmark.py
"""pyperformance's fannkuch (the Benchmarks Game's, by Sokolov Yura, modified by
Tupteq), ported: `fannkuch(n)` unchanged (bound methods `perm1.insert`/`perm1.pop`
kept in locals); the runner's repeated call replaced by a `parallel for
schedule(dynamic)` over the sizes 1..8, each storing its maximum flip count into its
own slot, and a `reduction(max: ...)` over them."""

DEFAULT_ARG = 8


def fannkuch(n):
    count = list(range(1, n + 1))
    max_flips = 0
    m = n - 1
    r = n
    perm1 = list(range(n))
    perm = list(range(n))
    perm1_ins = perm1.insert
    perm1_pop = perm1.pop

    while 1:
        while r != 1:
            count[r - 1] = r
            r -= 1

        if perm1[0] != 0 and perm1[m] != m:
            perm = perm1[:]
            flips_count = 0
            k = perm[0]
            while k:
                perm[:k + 1] = perm[k::-1]
                flips_count += 1
                k = perm[0]

            if flips_count > max_flips:
                max_flips = flips_count

        while r != n:
            perm1_ins(r, perm1_pop(0))
            count[r] -= 1
            if count[r] > 0:
                break
            r += 1
        else:
            return max_flips


if __name__ == "__main__":
    flips = [0] * (DEFAULT_ARG + 1)
    best = 0
    # omp parallel for schedule(dynamic) reduction(max: best)
    for n in range(DEFAULT_ARG, 0, -1):
        flips[n] = fannkuch(n)
        best = max(best, flips[n])
    print(flips, best)
