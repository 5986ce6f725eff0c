"""critical (named and unnamed), atomic on arrays and lists, ordered, parallel sections with lastprivate and reduction, single copyprivate."""
import numpy as np
def main(n):
    count = 0
    best = -1
    found = []
    hist = np.zeros(4, dtype=np.int64)
    counts = [0] * 4
    # omp parallel for
    for i in range(n):
        # omp critical
        count += 1
        # omp critical(b)
        best = max(best, (i * 37) % 101)
        # omp end critical
        # omp critical
        found.append(i)
        # omp end critical
        # omp atomic
        hist[i % 4] += 1
        # omp atomic
        counts[i % 4] += 1
    print(count, best, sorted(found) == list(range(n)), hist.tolist(), counts)
    out = []
    # omp parallel for ordered schedule(dynamic)
    for i in range(20):
        v = i * i
        # omp ordered
        out.append(v)
    print(out)
    tot = 0
    # omp parallel sections lastprivate(w) reduction(+:tot)
    # omp section
    w = 1; tot += 10
    # omp section
    w = 2; tot += 20
    # omp section
    w = 3; tot += 30
    # omp end parallel sections
    print(w, tot)
    x = None
    seen = set()
    # omp parallel
    # omp single copyprivate(x)
    x = 42
    # omp critical
    seen.add(x)
    # omp end parallel
    print(sorted(seen))
main(100)
