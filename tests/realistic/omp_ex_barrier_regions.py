"""OpenMP Examples barrier_regions.1, ported: a barrier inside a function that is
called from a nested (inactive) region, from a region directly, and sequentially;
every call's work is recorded."""

done = []


def work(n, tag):
    # omp critical
    done.append((tag, n))


def sub3(n, tag):
    work(n, tag + "-before")
    # omp barrier
    work(n, tag + "-after")


def sub2(k):
    # omp parallel shared(k)
    sub3(k, "sub2")


def sub1(n):
    # omp parallel
    if True:
        # omp for
        for i in range(n):
            sub2(i)


sub1(2)
sub3(2, "seq")
print(sorted(set(done)))
