"""OpenMP Examples copyprivate.2 shape: an orphaned `single copyprivate(tmp)` in a
helper reads the next value of an input stream and hands it to every thread; each
thread records what it got under critical."""

stream = iter([3.5, -1.25, 8.0, 0.5])
got = []


def read_next():
    # omp single copyprivate(value)
    value = next(stream)
    return value


# omp parallel
if True:
    for _ in range(3):
        v = read_next()
        # omp critical
        got.append(v)
        # omp end critical

print(sorted(set(got)), len(got) % (len(got) // 3 if got else 1))
