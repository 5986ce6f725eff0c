"""`nonlocal` in closures made by a factory before the loop and called from it under critical: a counter and a running list; their values read through other closures after the region."""


def make_tracker():
    count = 0
    seen = []

    def add(x):
        nonlocal count
        count += 1
        seen.append(x)

    def report():
        return count, sorted(seen)[:5], len(seen)

    return add, report


add, report = make_tracker()
# omp parallel for
for i in range(50):
    if (i * i) % 7 in (1, 2):
        # omp critical
        add(i)
        # omp end critical
print(report())
