"""A user-declared reduction merging dicts of lists (`declare reduction(merge : dict : ...)` with an initializer), grouping words by their first letter; the lists sorted after."""


def merge(a, b):
    for k, v in b.items():
        a.setdefault(k, []).extend(v)
    return a


# omp declare reduction(merge : dict : omp_out = merge(omp_out, omp_in)) initializer(omp_priv = {})
words = ["pear", "plum", "apple", "avocado", "banana", "blueberry", "cherry", "cranberry", "date", "fig", "grape", "guava"] * 2
groups = {}
# omp parallel for reduction(merge : groups)
for i in range(len(words)):
    w = words[i]
    groups.setdefault(w[0], []).append(w)
print({k: sorted(v) for k, v in sorted(groups.items())})
