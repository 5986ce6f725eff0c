"""A running-statistics closure (count, mean, M2 by Welford) kept in `nonlocal`s;
the region inside a function calls it under critical for every sample. The result is
rounded (the order of the updates changes the last bits)."""


def make_stats():
    count = 0
    mean = 0.0
    m2 = 0.0

    def add(x):
        nonlocal count, mean, m2
        count += 1
        delta = x - mean
        mean += delta / count
        m2 += delta * (x - mean)

    def result():
        return count, round(mean, 6), round(m2 / (count - 1), 4)

    return add, result


def analyse(samples):
    add, result = make_stats()
    # omp parallel for
    for i in range(len(samples)):
        x = samples[i] ** 0.5
        # omp critical
        add(x)
        # omp end critical
    return result()


print(analyse([(i * 7919) % 1000 for i in range(200)]))
