"""directives that change nothing in Python, with their clauses: `simd` (safelen, simdlen, aligned, nontemporal, private, reduction, collapse, if), `for simd`, `parallel for simd`, `declare simd` on a def, `tile sizes(...)` and `unroll` under `parallel for` and alone, `nothing`, `assume`, `assumes`, `begin assumes`/`end assumes`, `requires`, the `allocate` directive and clause, `allocators`, `flush` with a memory order, `ordered simd`, and an `error at(execution)` in a branch that is not taken."""


# omp requires atomic_default_mem_order(seq_cst) unified_shared_memory
# omp assumes no_parallelism
# omp begin assumes absent(target)
# omp end assumes

# omp declare simd uniform(scale) linear(i: 1) simdlen(8) notinbranch
def scaled(scale, i):
    return scale * i


def main(n):
    data = [float(i) for i in range(n)]
    total = 0.0
    # omp simd reduction(+:total) safelen(8) simdlen(4) aligned(data: 64) nontemporal(data)
    for i in range(n):
        total += data[i]
    print(total)

    squares = [0] * n
    # omp parallel for simd schedule(static) simdlen(8) if(simd: n > 4) private(t)
    for i in range(n):
        t = scaled(2, i)
        squares[i] = t * t
    print(squares)

    acc = 0
    # omp parallel
    if True:
        # omp for simd reduction(+:acc) collapse(2)
        for i in range(4):
            for k in range(3):
                acc += i * k
    # omp end parallel
    print(acc)

    grid = [[0] * 6 for _ in range(4)]
    # omp parallel for
    # omp tile sizes(2, 3)
    for r in range(4):
        for c in range(6):
            grid[r][c] = r * 10 + c
    print(grid)

    cells = [0] * n
    # omp parallel for
    # omp unroll partial(4)
    for i in range(n):
        cells[i] = i % 3
    print(cells)

    # omp unroll full
    for i in range(2):
        print("unrolled", i)

    seq = []
    # omp simd
    for i in range(5):
        # omp ordered simd
        seq.append(i)
    print(seq)

    x = 0
    # omp nothing
    # omp assume holds(n > 0) absent(critical) no_openmp_routines
    x = n * 2
    # omp end assume
    # omp allocate(x) allocator(omp_default_mem_alloc) align(64)
    # omp flush acq_rel
    print(x)

    buf = None
    # omp allocators allocate(buf)
    buf = bytearray(n)
    print(len(buf))

    marks = []
    # omp parallel private(priv) allocate(omp_low_lat_mem_alloc: priv)
    if True:
        priv = 4
        # omp critical
        marks.append(priv)
    # omp end parallel
    print(set(marks))

    if n < 0:
        # omp error at(execution) severity(fatal) message("n must not be negative")
        print("unreachable")
    print("done")


main(10)
