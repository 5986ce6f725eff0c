"""threadprivate globals each thread really owns (threads share one heap on the threads backend): per-thread counters summed after a parallel for, values found again by the same thread number in the next region, a threadprivate list mutated in place by every thread, copyin of a list (each thread its own copy), reads without `global` in a helper, a lambda and a comprehension, tuple and `for` targets, rebinding, and the module's own uses after the directive."""
from omppy import omp_get_thread_num

count = 0
seen = []
pair = (0, 0)
scale = [1, 2]
# omp threadprivate(count, seen, pair, scale)

print(count, seen, pair, scale)  # the master's copies, before any region


def tally(i):
    global count
    count += 1
    seen.append(i)


def own_total():
    return count  # read without 'global'


def counted(n):
    global count, seen
    total = 0
    sizes = []
    # omp parallel
    if True:
        count = 0
        seen = []
        # omp for schedule(dynamic, 3)
        for i in range(n):
            tally(i)
        # omp critical
        if True:
            total += own_total()
            sizes.append(len(seen) == count)
    # omp end parallel
    return total, all(sizes)


def persists(rounds):
    global pair
    left = {}
    ok = []
    for r in range(rounds):
        # omp parallel num_threads(3)
        if True:
            me = omp_get_thread_num()
            if r:
                # omp critical
                ok.append(pair == left[me])
            # omp barrier
            pair = (me, r)
            # omp critical
            left[me] = pair
        # omp end parallel
    return all(ok), len(ok) == (rounds - 1) * len(left)


def copied_in():
    global scale
    scale = [3, 4]
    products = []
    # omp parallel num_threads(4) copyin(scale)
    if True:
        scale.append(omp_get_thread_num())  # each thread its own list
        # omp critical
        products.append(len(scale) == 3 and scale[:2] == [3, 4])
    # omp end parallel
    return all(products)


def targets():
    global count, pair, seen
    results = []
    # omp parallel num_threads(2)
    if True:
        for count in range(5):
            pass
        pair = first, second = (count, count + 1)
        seen = [first, second]
        read = (lambda: count * 2)()
        doubled = tuple(v * 2 for v in seen)
        # omp critical
        results.append((count, pair, read, doubled))
    # omp end parallel
    return sorted(set(results))


print(counted(40))
print(persists(4))
print(copied_in())
print(targets())
count += 100
print(count, pair, seen, scale)
