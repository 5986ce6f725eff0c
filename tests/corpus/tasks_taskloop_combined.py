"""The combined taskloop constructs: `taskloop simd` and `master`/`masked taskloop
simd` (simd changes nothing: the construct is the taskloop), and `parallel master
taskloop`, `parallel masked taskloop` and their `simd` forms, a region whose primary
(or filtered) thread makes the tasks.  Clauses go where OpenMP 5.2 applies them:
`num_threads` to the region, `filter` to the masked, `reduction`, `lastprivate`,
`grainsize`, `num_tasks`, `collapse` to the taskloop; `firstprivate`, `shared` and
`default` to both; `if` by its modifier.  Also the same code outside any region."""


def weights(n):
    return [(k * 7919) % 23 - 11 for k in range(n)]


def combined(n):
    data = weights(n)
    total = 0
    # omp parallel master taskloop reduction(+: total) grainsize(5) num_threads(3)
    for i in range(n):
        total += data[i] * data[i]

    out = [0] * n
    base = 100
    # omp parallel masked taskloop simd filter(0) firstprivate(base) lastprivate(last) default(none) shared(out, data, n) safelen(8) num_tasks(4)
    for i in range(n):
        out[i] = data[i] + base
        last = i

    grid = [[0] * 6 for _ in range(5)]
    largest = -1000
    # omp parallel master taskloop simd collapse(2) reduction(max: largest) if(parallel: n > 10) if(taskloop: n > 0) if(simd: 1)
    for r in range(5):
        for c in range(6):
            grid[r][c] = r * 6 + c
            largest = max(largest, data[(r * 6 + c) % n])

    evens = 0
    # omp parallel masked taskloop reduction(+: evens) if(0)
    for i in range(0, n, 2):
        evens += data[i]
    return total, sum(out), last, grid, largest, evens


def inside_region(n):
    data = weights(n)
    first = 0
    second = 0
    doubled = [0] * n
    # omp parallel
    # omp single
    # omp taskloop simd reduction(+: first) simdlen(4) aligned(data)
    for i in range(n):
        first += data[i]
    # omp master taskloop simd reduction(+: second) grainsize(strict: 3)
    for i in range(n):
        second += 2 * data[i]
    # omp masked taskloop simd filter(0) nogroup
    for k in range(n):
        doubled[k] = 2 * data[k]
    # omp taskwait
    # omp end parallel
    return first, second, doubled


print("combined:", combined(37))
print("in a region:", inside_region(29))
print("small:", combined(3))
