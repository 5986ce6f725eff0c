"""A caught failure in a loop, and the program reads what the loop stored (issue 9).

Python keeps the stores of the iterations before the one that raised and what that
iteration did before raising, none after.  The failing iteration is the last one of
the loop (in the last block of a static schedule at every team size), so no thread
runs an iteration after it: omppy must leave exactly python's stores, on every
backend.
"""


class Cell:
    def __init__(self):
        self.value = None


squares = [0] * 12
labels = {i: "" for i in range(12)}
cells = [Cell() for _ in range(12)]
seen = {}


def square(i):
    if i == 11:
        raise ValueError(f"item {i} is bad")
    return i * i


try:
    # omp parallel for schedule(static)
    for i in range(12):
        labels[i] = "started"
        v = square(i)
        squares[i] = v
        labels[i] = f"#{v}"
        cells[i].value = v
        seen[i] = v
except ValueError as e:
    print("caught:", e)
print(squares)
print(labels)
print([c.value for c in cells])
print(sorted(seen.items()))

# The last section fails: the sections before it ran, as under python.
log = {"a": 0, "b": 0, "c": 0}


def last_section():
    log["c"] = -1
    raise KeyError("c")


try:
    # omp parallel sections
    # omp section
    log["a"] = 1
    # omp section
    log["b"] = 2
    # omp section
    last_section()
    # omp end parallel sections
except KeyError as e:
    print("caught:", e)
print(log)


# An orphaned loop in a region: the threads that finished their blocks wait at its end.
totals = [0] * 8


def fill(n):
    # omp for
    for k in range(n):
        if k == n - 1:
            raise ArithmeticError("the last one")
        totals[k] = k + 100


try:
    # omp parallel
    fill(8)
except ArithmeticError as e:
    print("caught:", e)
print(totals)
