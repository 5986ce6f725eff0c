"""A region inside a function whose loop calls a nested def that bumps `nonlocal`
counters under `atomic` and appends to an enclosing list under critical."""


def scan(values, threshold):
    above = 0
    below = 0
    marks = []

    def classify(i, v):
        nonlocal above, below
        if v > threshold:
            # omp atomic
            above += 1
            # omp critical
            marks.append(i)
            # omp end critical
        else:
            # omp atomic
            below += 1

    # omp parallel for
    for i in range(len(values)):
        classify(i, values[i])
    return above, below, sorted(marks)[:5]


print(scan([(i * 37) % 23 for i in range(100)], 15))
