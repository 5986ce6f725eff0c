"""A function with a region defines a nested helper that reads the function's locals."""


def scaled_sums(rows, factor):
    out = [0] * len(rows)
    bias = 2

    def score(row):
        return sum(row) * factor + bias

    # omp parallel for
    for i in range(len(rows)):
        out[i] = score(rows[i])
    return out


print(scaled_sums([[i, i + 1] for i in range(15)], 3))
