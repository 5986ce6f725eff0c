"""Rosetta-code longest Collatz chain below N: a `reduction(max:best)` on a tuple
(length, start), and a dict of lengths by start for a few starts, kept by index."""

N = 3000


def chain(n):
    length = 1
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        length += 1
    return length


best = (0, 0)
lengths = [0] * N
# omp parallel for schedule(guided) reduction(max:best)
for s in range(1, N):
    lengths[s] = chain(s)
    best = max(best, (lengths[s], s))

print(best, sum(lengths))
