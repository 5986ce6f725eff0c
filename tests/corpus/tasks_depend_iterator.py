"""depend with the iterator modifier: a task that waits for every block of a list
(`depend(iterator(i = 0:n), in: blocks[i])`) after one task per block wrote it; a
2-D iterator over a grid's rows and columns; a step (`0:n:2`) on `taskwait depend`
that waits for the even blocks only; a writer after readers named by an iterator
(in, in, ..., then out: it must wait for them all); an empty range (no dependence);
and the same code outside any region."""


def blocks_then_sum(n):
    blocks = [0] * n
    totals = []
    for k in range(n):
        # omp task depend(out: blocks[k])
        blocks[k] = sum(range(k * 10, k * 10 + 10))
    # omp task depend(iterator(i = 0:n), in: blocks[i])
    totals.append(sum(blocks))
    # omp taskwait depend(iterator(j = 0:n:2), in: blocks[j])
    evens = blocks[0::2]
    # omp taskwait
    return evens, totals


def grid(rows, cols):
    cells = [[0] * cols for _ in range(rows)]
    seen = []
    for r in range(rows):
        for c in range(cols):
            # omp task depend(out: cells[r][c])
            cells[r][c] = r * 10 + c
    # omp task depend(iterator(r = 0:rows, c = 0:cols), in: cells[r][c])
    seen.append([row[:] for row in cells])
    # omp taskwait
    return seen


def readers_then_writer(n):
    data = [k + 1 for k in range(n)]
    copies = [None] * n
    for k in range(n):
        # omp task depend(in: data[k]) depend(out: copies[k])
        copies[k] = data[k] * 3
    # omp task depend(iterator(k = 0:n), out: data[k])
    for m in range(n):
        data[m] = 0
    extra = []
    # omp task depend(iterator(k = 0:0), in: data[k])
    extra.append(-1)  # an empty range: no dependence (another list: no race with data)
    # omp taskwait
    return copies, sorted(data + extra)


def run():
    return blocks_then_sum(7), grid(3, 4), readers_then_writer(5)


def run_parallel():
    result = None
    # omp parallel
    # omp single
    result = run()
    # omp end parallel
    return result


print("region:", run_parallel())
print("outside:", run())
