"""Dicts under |, a Counter under + with static chunks, an OrderedDict: keys in the
order python adds them, ties of a Counter's most_common too (issue 9)."""

from collections import Counter, OrderedDict

d = {}
# omp parallel for reduction(|:d) schedule(dynamic, 1)
for i in range(25):
    d |= {(i * 7) % 25: i}
print(d)

c = Counter()
# omp parallel for reduction(+:c) schedule(static, 2)
for i in range(40):
    c[f"k{(i * 3) % 11}"] += 1
print(c)
print(c.most_common(4))

od = OrderedDict()
# omp parallel for reduction(|:od) schedule(guided, 2)
for i in range(18):
    od |= {str(18 - i): i}
print(list(od.items()))
