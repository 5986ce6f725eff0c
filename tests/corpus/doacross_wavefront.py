"""doacross loops: `ordered(1)` recurrences with `depend(sink: i - 1)`/`depend(source)`, a 2-D wavefront with `ordered(2)` and two sinks (`doacross(sink: ...)` of OpenMP 5.2), a collapsed wavefront, `omp_cur_iteration`, a sink outside the iteration space (ignored), a chunked static schedule, and a region with the loop inside."""


def recurrence(n):
    a = [1] * n
    # omp parallel for ordered(1)
    for i in range(1, n):
        # omp ordered depend(sink: i - 1)
        a[i] = (a[i - 1] * 3 + i) % 1000003
        # omp ordered depend(source)
    return a


def wavefront(rows, cols):
    grid = [[1] * cols for _ in range(rows)]
    # omp parallel for ordered(2) schedule(static, 1)
    for i in range(1, rows):
        for j in range(1, cols):
            # omp ordered doacross(sink: i - 1, j) doacross(sink: i, j - 1)
            grid[i][j] = (grid[i - 1][j] + grid[i][j - 1] + i * j) % 10007
            # omp ordered doacross(source:)
    return grid


def collapsed(rows, cols):
    grid = [[0] * cols for _ in range(rows)]
    # omp parallel for collapse(2) ordered(2)
    for i in range(rows):
        for j in range(cols):
            # omp ordered depend(sink: i, j - 1) depend(sink: i - 1, j)
            up = grid[i - 1][j] if i else 1
            left = grid[i][j - 1] if j else 1
            grid[i][j] = (up + left) % 997
            # omp ordered depend(source)
    return grid


def previous(n):
    b = [0] * n
    # omp parallel
    if True:
        # omp for ordered(1) schedule(static, 3)
        for i in range(n):
            # omp ordered doacross(sink: omp_cur_iteration - 1)
            b[i] = (b[i - 1] if i else 0) + i * i
            # omp ordered doacross(source: omp_cur_iteration)
    # omp end parallel
    return b


def strided(n):
    c = [0] * n
    # omp parallel for ordered(1)
    for i in range(0, n, 2):
        # omp ordered depend(sink: i - 2) depend(sink: i - 1)
        c[i] = (c[i - 2] if i >= 2 else 5) * 2 % 101
        # omp ordered depend(source)
    return c


print(recurrence(30))
print(wavefront(6, 7)[-1])
print(collapsed(5, 6))
print(previous(15))
print(strided(16))
