"""LU decomposition of a list of row lists: one parallel region around the step
loop, a single and a work-shared row loop per step (two barriers a step, every
row compared at each).  Rows of a few items and rows longer than layout._LONG
(compared in place, not through kept bytes); a row a thread replaces whole, one
that grows, and a store the other thread made while this one had its own pending
(catch-up in a critical)."""


def lu(a):
    n = len(a)
    pivots = []
    # omp parallel
    for k in range(n - 1):
        # omp single
        pivots.append(a[k][k])
        # omp for schedule(static)
        for i in range(k + 1, n):
            row, top = a[i], a[k]
            f = row[k] / top[k]
            row[k] = f
            for j in range(k + 1, n):
                row[j] -= f * top[j]
    # omp end parallel
    return pivots


def matrix(n):
    return [
        [float((i * 7 + j * 3) % 11 + (n if i == j else 0)) for j in range(n)] for i in range(n)
    ]


def long_rows(rows, width):
    table = [[(r * 31 + c) % 17 for c in range(width)] for r in range(rows)]
    log = []
    marks = [0] * (2 * rows)
    # omp parallel
    for step in range(3):
        # omp for schedule(static, 1)
        for r in range(rows):
            row = table[r]
            for c in range(step, width, 97):
                row[c] += step + 1
        # omp single
        table[step] = [x * 2 for x in table[step]]  # a row replaced whole
        # omp for schedule(static)
        for r in range(rows):
            table[r][r * 5 + step] -= 1
            marks[r] += 1  # pending in this thread when it enters the critical below
            # omp critical
            log.append((step, r))
            marks[rows + r] += step
    # omp end parallel
    table[0].append(-1)
    return [sum(row) for row in table], sorted(log), marks


def main():
    for n in (5, 40):
        a = matrix(n)
        pivots = lu(a)
        print(n, [round(p, 9) for p in pivots], round(sum(sum(row) for row in a), 6))
    sums, log, marks = long_rows(6, 9000)
    print(sums, len(log), log[:4], marks)


main()
