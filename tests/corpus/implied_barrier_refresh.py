"""Names bound under critical are seen by every thread after an implied barrier (end of
for, sections, single) and an explicit one; firstprivate on an inner for restores the
region's value after the loop."""


def main():
    count = 0
    after_for = set()
    after_single = set()
    x = 7
    flag = 0
    # omp parallel
    # omp for firstprivate(x)
    for i in range(8):
        x += i
        # omp critical
        count += 1
        # omp end critical
    # omp critical
    after_for.add(count)
    # omp end critical
    # omp single
    flag = 5
    # omp end single
    # omp critical
    after_single.add(flag)
    # omp end critical
    # omp end parallel
    print(count, sorted(after_for), sorted(after_single), flag)


main()
