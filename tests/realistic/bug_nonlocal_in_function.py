"""BUG (minimal, from nonlocal_in_function_region): a region inside a function calls a
nested helper that rebinds the function's local through `nonlocal` under atomic: the
other threads' updates are lost."""


def run():
    total = 0

    def add(v):
        nonlocal total
        # omp atomic
        total += v

    # omp parallel for
    for i in range(10):
        add(i)
    return total


print(run())
