"""Segmented sieve of Eratosthenes on a numpy bool array: base primes found by one
thread, then each block of the array struck by its own iteration (disjoint slices)."""

import numpy as np

N = 20000
is_prime = np.ones(N, dtype=bool)
is_prime[:2] = False
limit = int(N**0.5) + 1
base = [p for p in range(2, limit) if all(p % q for q in range(2, int(p**0.5) + 1))]
B = 10
size = N // B

# omp parallel for
for b in range(B):
    lo, hi = b * size, (b + 1) * size
    seg = is_prime[lo:hi]
    for p in base:
        start = max(p * p, (lo + p - 1) // p * p)
        seg[start - lo : hi - lo : p] = False

print(int(is_prime.sum()), np.flatnonzero(is_prime)[-5:].tolist())
