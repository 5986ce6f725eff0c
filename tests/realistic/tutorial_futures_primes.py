# Source: Python documentation, concurrent.futures, "ProcessPoolExecutor Example"
# (docs.python.org/3/library/concurrent.futures.html)
"""The concurrent.futures documentation's `ProcessPoolExecutor` example, ported:
`is_prime` unchanged; `executor.map(is_prime, PRIMES)` becomes a `parallel for
schedule(dynamic)` storing each answer into its own slot, printed in the example's
format.  The docs' 15-digit numbers take seconds each in pure Python: the list
here is smaller numbers of the same kinds (primes, and one composite)."""

import math

PRIMES = [
    1000000007,
    998244353,
    1000000009,
    2147483647,
    999999937,
    1000000011]


def is_prime(n):
    if n < 2:
        return False
    if n == 2:
        return True
    if n % 2 == 0:
        return False

    sqrt_n = int(math.floor(math.sqrt(n)))
    for i in range(3, sqrt_n + 1, 2):
        if n % i == 0:
            return False
    return True


def main():
    answers = [None] * len(PRIMES)
    # omp parallel for schedule(dynamic)
    for k in range(len(PRIMES)):
        answers[k] = is_prime(PRIMES[k])
    for number, prime in zip(PRIMES, answers):
        print('%d is prime: %s' % (number, prime))


if __name__ == '__main__':
    main()
