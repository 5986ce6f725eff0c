# Source: Rosetta Code, "Hailstone sequence", Python (rosettacode.org/wiki/Hailstone_sequence#Python)
"""Rosetta Code's Hailstone sequence in Python, ported: `hailstone(n)` as in the
task; the check of 27's sequence unchanged; the longest sequence below the limit
(the task's `max((len(hailstone(i)), i) for i in range(1, 100000))`) becomes a
`parallel for schedule(dynamic, 500) reduction(max: longest)` on a (length, start)
tuple, below 30000 to stay quick."""


def hailstone(n):
    seq = [n]
    while n > 1:
        n = 3 * n + 1 if n & 1 else n // 2
        seq.append(n)
    return seq


if __name__ == '__main__':
    h = hailstone(27)
    assert len(h) == 112 and h[:4] == [27, 82, 41, 124] and h[-4:] == [8, 4, 2, 1]
    longest = (0, 0)
    # omp parallel for schedule(dynamic, 500) reduction(max: longest)
    for i in range(1, 30000):
        longest = max(longest, (len(hailstone(i)), i))
    print("Maximum length %i was found for hailstone(%i) for numbers <30,000" % longest)
