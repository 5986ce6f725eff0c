"""FIXED (minimal, from iter_work_queue_critical): `it = iter(work)` drawn with
`next(it, None)` under critical. Setting a list iterator's state from another
process's copy crashed (`TypeError: an integer is required`), and an iterator
over a list whose pickle was over 64 KiB was not compared at all: every thread
drew every item (python `20000`, omppy at 2 threads `40000`, exit 0). Now a
built-in iterator is carried by its position (PositionShadow)."""

work = [("job", i, "x" * 20) for i in range(20000)]
it = iter(work)
done = []
# omp parallel
while True:
    # omp critical
    x = next(it, None)
    if x is not None:
        done.append(x[1])
    # omp end critical
    if x is None:
        break
print(len(done), len(set(done)))
