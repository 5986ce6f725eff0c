# Source: Rosetta Code, "Word frequency", Python (rosettacode.org/wiki/Word_frequency#Python)
r"""Rosetta Code's Word frequency in Python, ported: the task's `countWords` --
`re.findall(r'\w+', text.lower())` into a `collections.Counter`, `most_common(10)`
-- applied to a text in chunks of lines: a `parallel for reduction(+: counts)` on a
Counter over the lines (the task reads Les Misérables; here a text in the file,
repeated), then the ten most common words printed as the task does."""

import collections
import re

TEXT = """\
Four score and seven years ago our fathers brought forth on this continent, a new
nation, conceived in Liberty, and dedicated to the proposition that all men are
created equal. Now we are engaged in a great civil war, testing whether that nation,
or any nation so conceived and so dedicated, can long endure. We are met on a great
battle-field of that war. We have come to dedicate a portion of that field, as a
final resting place for those who here gave their lives that that nation might live.
It is altogether fitting and proper that we should do this. But, in a larger sense,
we can not dedicate -- we can not consecrate -- we can not hallow -- this ground.
"""


def countWords(text):
    words = re.findall(r'\w+', text.lower())
    return collections.Counter(words)


def main():
    lines = (TEXT * 40).splitlines()
    counts = collections.Counter()
    # omp parallel for reduction(+: counts)
    for k in range(len(lines)):
        counts += countWords(lines[k])
    for word, n in sorted(counts.most_common(10), key=lambda p: (-p[1], p[0])):
        print('%-10s %d' % (word, n))
    print(len(counts), sum(counts.values()))


main()
