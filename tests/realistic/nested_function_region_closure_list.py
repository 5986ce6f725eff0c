"""A region inside a function, whose nested helper appends to a list of the
enclosing function under critical, and a second list stored by index."""


def run(n):
    hits = []
    squares = [0] * n

    def note(i):
        # omp critical
        hits.append(i)
        # omp end critical

    # omp parallel for schedule(dynamic, 3)
    for i in range(n):
        squares[i] = i * i
        if i % 4 == 1:
            note(i)
    return sorted(hits), sum(squares)


print(run(50))
