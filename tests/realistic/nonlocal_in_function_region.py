"""A region inside a function whose loop calls a nested helper that rebinds the
function's local through `nonlocal` under atomic and critical."""


def analyse(values):
    total = 0
    best = None

    def add(v):
        nonlocal total, best
        # omp atomic
        total += v
        # omp critical
        if best is None or v > best:
            best = v
        # omp end critical

    # omp parallel for
    for i in range(len(values)):
        add(values[i])
    return total, best


print(analyse([(i * 31) % 97 for i in range(300)]))
