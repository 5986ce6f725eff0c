"""Version objects ordered by `functools.total_ordering`; the newest version per
package found by a max reduction over objects, all versions parsed by index."""

import functools


@functools.total_ordering
class Version:
    def __init__(self, text):
        self.parts = tuple(int(p) for p in text.split("."))

    def __eq__(self, other):
        return self.parts == other.parts

    def __lt__(self, other):
        return self.parts < other.parts

    def __repr__(self):
        return "v" + ".".join(map(str, self.parts))


texts = [f"{i % 4}.{(i * 7) % 11}.{(i * 13) % 5}" for i in range(300)]
parsed = [None] * len(texts)
newest = Version("0.0.0")
# omp parallel for reduction(max:newest)
for i in range(len(texts)):
    v = Version(texts[i])
    parsed[i] = v
    newest = max(newest, v)
print(newest, sorted(parsed)[:3], sum(1 for v in parsed if v >= Version("2.5.0")))
