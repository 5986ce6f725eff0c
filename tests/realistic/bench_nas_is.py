"""NAS Parallel Benchmarks IS (integer sort), in pure Python after the NPB 3 OpenMP
version's structure (www.nas.nasa.gov, NPB3.x-OMP/IS/is.c): keys from randlc averaged
four at a time (create_seq), one ranking per iteration: the bucket counts of the keys
(`parallel for` with an array reduction), their prefix sums (sequential), then each
key's rank read from the counts; the partial verification of NPB (test keys' ranks
against a sorted copy) and the full check that the ranks sort the keys."""

import numpy as np

TOTAL_KEYS = 1 << 14
MAX_KEY = 1 << 10
ITERATIONS = 4
MOD = 1 << 46
R46 = 1.0 / MOD


def create_seq(seed, a):
    keys = [0] * TOTAL_KEYS
    k = MAX_KEY / 4
    x = seed
    for i in range(TOTAL_KEYS):
        s = 0.0
        for _ in range(4):
            x = (a * x) % MOD
            s += x * R46
        keys[i] = int(k * s)
    return keys


def rank(iteration, keys):
    keys[iteration] = iteration
    keys[iteration + ITERATIONS] = MAX_KEY - iteration
    counts = np.zeros(MAX_KEY, dtype=np.int64)
    # omp parallel for reduction(+: counts) schedule(static)
    for i in range(TOTAL_KEYS):
        counts[keys[i]] += 1
    # the prefix sums: the number of keys below each key value
    below = np.zeros(MAX_KEY, dtype=np.int64)
    for v in range(1, MAX_KEY):
        below[v] = below[v - 1] + counts[v - 1]
    ranks = [0] * TOTAL_KEYS
    # omp parallel for schedule(static)
    for i in range(TOTAL_KEYS):
        ranks[i] = int(below[keys[i]])
    return ranks


def main():
    keys = create_seq(314159265, 1220703125)
    test_index = [48427 % TOTAL_KEYS, 17148 % TOTAL_KEYS, 23627 % TOTAL_KEYS, 62548 % TOTAL_KEYS]
    passed = 0
    for iteration in range(1, ITERATIONS + 1):
        ranks = rank(iteration, keys)
        ordered = sorted(keys)
        for t in test_index:
            if ordered[ranks[t]] == keys[t]:
                passed += 1
    # full verification: the keys placed by rank (ties in index order) are sorted
    counts_seen = {}
    out = [0] * TOTAL_KEYS
    for i in range(TOTAL_KEYS):
        r = ranks[i] + counts_seen.get(keys[i], 0)
        counts_seen[keys[i]] = counts_seen.get(keys[i], 0) + 1
        out[r] = keys[i]
    print("partial verification:", passed, "of", 4 * ITERATIONS)
    print("full verification:", out == sorted(keys), sum(ranks[:100]))


main()
