"""reduction, lastprivate and loop variables updated inside critical and atomic blocks (each thread's own copy: the block must not hand it to, or take it from, the other threads), next to a shared list the same critical appends to; in a combined `parallel for`, in a region's `for`, in a `parallel reduction` region, in a function and at module level."""


def in_function(n):
    s = 0
    last = -1
    seen = []
    # omp parallel for reduction(+:s) lastprivate(last)
    for i in range(n):
        # omp critical
        if True:
            s += i
            last = i * 2
            seen.append(i % 7)
    t = 0
    # omp parallel
    if True:
        # omp for reduction(+:t) schedule(dynamic, 3)
        for i in range(n):
            # omp atomic
            t += i * i
    u = 0
    # omp parallel reduction(+:u)
    if True:
        # omp for
        for i in range(n):
            # omp critical(u)
            u += 1
    return s, last, sorted(seen)[-5:], len(seen), t, u


print(in_function(250))

dups = 0
found = set()
# omp parallel for reduction(+:dups)
for i in range(400):
    p = (i * 7) % 53
    # omp critical
    if True:
        if p in found:
            dups += 1
        else:
            found.add(p)
print(dups, len(found))
