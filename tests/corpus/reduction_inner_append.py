"""A list reduction on a region's own 'for' (and an orphaned one) filled by
s.append/extend: each thread appends to its own copy, combined in order (issue 9)."""


def collect(out, n):
    # omp for reduction(+:out)
    for i in range(n):
        out.append(i * i)
    return out


evens = []
pairs = []
# omp parallel
if True:
    # omp for reduction(+:evens) schedule(dynamic, 2)
    for i in range(20):
        if i % 2 == 0:
            evens.append(i)
    # omp for reduction(+:pairs) nowait
    for i in range(6):
        pairs.extend([i, -i])
        pairs += [(i,)]
print(evens)
print(pairs)

squares = []
# omp parallel
collect(squares, 9)
print(squares)
