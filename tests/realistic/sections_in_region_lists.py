"""Sections inside a region, each filling its own shared list (evens, odds, primes),
followed by a loop that reads all three after the implied barrier."""

evens, odds, primes = [], [], []
summary = [0] * 3


def is_prime(n):
    return n > 1 and all(n % k for k in range(2, int(n ** 0.5) + 1))


# omp parallel
if True:
    # omp sections
    # omp section
    evens.extend(i for i in range(100) if i % 2 == 0)
    # omp section
    odds.extend(i for i in range(100) if i % 2)
    # omp section
    primes.extend(i for i in range(100) if is_prime(i))
    # omp end sections
    # omp for
    for k in range(3):
        summary[k] = sum((evens, odds, primes)[k])

print(len(evens), len(odds), len(primes), summary)
