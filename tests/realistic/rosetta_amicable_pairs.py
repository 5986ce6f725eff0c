# Source: Rosetta Code, "Amicable pairs", Python (rosettacode.org/wiki/Amicable_pairs#Python),
# with proper_divs from the "Proper divisors" task's Python solution
"""Rosetta Code's Amicable pairs in Python, ported: `proper_divs` (from the Proper
divisors task) and the pair test as in the task; the dict comprehension
`n2divsum = {n: sum(proper_divs(n)) for n in range(1, rangemax + 1)}` becomes a
`parallel for` storing new keys into a dict made before it (keys come in python's
order), and the pairs are found by a second `parallel for` appending under
`critical` (printed sorted)."""

from math import sqrt


def proper_divs(n):
    '''Return the set of proper divisors of n.'''
    if n == 1:
        return set()
    divs = {1}
    for i in range(2, int(sqrt(n)) + 1):
        if n % i == 0:
            divs.add(i)
            divs.add(n // i)
    return divs


def amicable(rangemax=20000):
    n2divsum = {}
    # omp parallel for schedule(static, 64)
    for n in range(1, rangemax + 1):
        n2divsum[n] = sum(proper_divs(n))
    pairs = []
    # omp parallel for
    for num in range(1, rangemax + 1):
        divsum = n2divsum[num]
        if num < divsum and divsum <= rangemax and n2divsum[divsum] == num:
            # omp critical
            pairs.append((num, divsum))
            # omp end critical
    return n2divsum, sorted(pairs)


n2divsum, pairs = amicable(6000)
for num, divsum in pairs:
    print('Amicable pair: %i and %i With proper divisors:\n    %r\n    %r'
          % (num, divsum, sorted(proper_divs(num)), sorted(proper_divs(divsum))))
print(list(n2divsum)[:5], list(n2divsum)[-3:], len(n2divsum))
