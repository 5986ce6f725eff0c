# Source: Rosetta Code, "Parallel calculations", Python (concurrent.futures version)
# (rosettacode.org/wiki/Parallel_calculations#Python)
"""Rosetta Code's Parallel calculations task in Python, ported: `lowest_factor` and
`prime_factors` as in the task's Python solution; `executor.map(lowest_factor,
NUMBERS)` and the `max` over (factor, number) pairs become a `parallel for
reduction(max: best)` on a tuple.  The task's 15-digit NUMBERS take seconds each in
pure Python: these are 10-11 digit numbers chosen the same way (products of two
large primes, one with the largest smallest factor)."""

from math import floor, sqrt

NUMBERS = [
    10000000019 * 3,
    99991 * 100003,
    99989 * 99991,
    100003 * 100019,
    65537 * 999983,
    9973 * 1000003]


def lowest_factor(n, _start=3):
    if n % 2 == 0:
        return 2
    search_max = int(floor(sqrt(n))) + 1
    for i in range(_start, search_max, 2):
        if n % i == 0:
            return i
    return n


def prime_factors(n, lowest):
    pf = []
    while n > 1:
        pf.append(lowest)
        n //= lowest
        lowest = lowest_factor(n, max(lowest, 3))
    return pf


def prime_factors_of_number_with_lowest_prime_factor(NUMBERS):
    best = (0, 0)
    # omp parallel for schedule(dynamic) reduction(max: best)
    for k in range(len(NUMBERS)):
        best = max(best, (lowest_factor(NUMBERS[k]), NUMBERS[k]))
    low_factor, number = best
    all_factors = prime_factors(number, low_factor)
    return number, all_factors


def main():
    print('For these numbers:')
    print('\n  '.join(str(p) for p in NUMBERS))
    number, all_factors = prime_factors_of_number_with_lowest_prime_factor(NUMBERS)
    print('    The one with the largest minimum prime factor is {}:'.format(number))
    print('      All its prime factors in order are: {}'.format(all_factors))


if __name__ == '__main__':
    main()
