"""OpenMP Examples udr shapes: a user-defined reduction over (min, max) pairs with an
initializer, declared by `declare reduction`, and a second one merging dicts of
counts by a function."""



def pair(a, b):
    return (min(a[0], b[0]), max(a[1], b[1]))


# omp declare reduction(minmax : tuple : omp_out = pair(omp_out, omp_in)) \
# omp     initializer(omp_priv = (float("inf"), float("-inf")))

values = [((i * 7919) % 1000) - 500 for i in range(1000)]
mm = (float("inf"), float("-inf"))
# omp parallel for reduction(minmax : mm)
for i in range(len(values)):
    mm = pair(mm, (values[i], values[i]))


def merge(a, b):
    out = dict(a)
    for k, v in b.items():
        out[k] = out.get(k, 0) + v
    return out


counts = {}
# omp parallel for reduction(merge : counts) schedule(static)
for i in range(len(values)):
    counts = merge(counts, {values[i] % 5: 1})

print(mm, sorted(counts.items()))
