"""A counter made by a closure (`nonlocal`) and bumped from a helper under critical:
the cell that the closure holds is shared state."""


def make_counter():
    count = 0
    largest = None

    def bump(value):
        nonlocal count, largest
        # omp critical(counter)
        count += 1
        if largest is None or value > largest:
            largest = value
        # omp end critical

    def read():
        return count, largest

    return bump, read


bump, read = make_counter()
# omp parallel for
for i in range(200):
    v = (i * 37) % 101
    if v % 3 == 0:
        bump(v)

print(read())
