"""A segmented sieve of Eratosthenes: small primes found first, then each segment of a
shared bytearray is sieved by one iteration (disjoint slices)."""

LIMIT = 60000
SEG = 5000
root = int(LIMIT ** 0.5) + 1
small = [p for p in range(2, root) if all(p % q for q in range(2, int(p ** 0.5) + 1))]
is_comp = bytearray(LIMIT)
is_comp[0] = is_comp[1] = 1

# omp parallel for schedule(dynamic)
for lo in range(0, LIMIT, SEG):
    hi = min(lo + SEG, LIMIT)
    for p in small:
        start = max(p * p, (lo + p - 1) // p * p)
        for m in range(start, hi, p):
            is_comp[m] = 1

primes = [i for i in range(LIMIT) if not is_comp[i]]
print(len(primes), primes[-3:], sum(primes) % 1000003)
