# Source: github.com/python/pyperformance, pyperformance/data-files/benchmarks/bm_spectral_norm/run_benchmark.py
"""pyperformance's spectral_norm (the Benchmarks Game's, by Sebastien Loisel et al.),
ported: `eval_times_u` builds its result list with `parallel for` over the rows
(the list comprehension written as a loop into a preallocated list, each row stored
by its own iteration), the helpers `part_A_times_u`/`part_At_times_u` unchanged; the
pyperf runner replaced by one run that prints the norm."""

DEFAULT_N = 130


def eval_A(i, j):
    return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)


def eval_times_u(func, u):
    n = len(list(u))
    result = [0.0] * n
    # omp parallel for schedule(static)
    for i in range(n):
        result[i] = func((i, u))
    return result


def eval_AtA_times_u(u):
    return eval_times_u(part_At_times_u, eval_times_u(part_A_times_u, u))


def part_A_times_u(i_u):
    i, u = i_u
    partial_sum = 0
    for j, u_j in enumerate(u):
        partial_sum += eval_A(i, j) * u_j
    return partial_sum


def part_At_times_u(i_u):
    i, u = i_u
    partial_sum = 0
    for j, u_j in enumerate(u):
        partial_sum += eval_A(j, i) * u_j
    return partial_sum


def bench_spectral_norm(loops):
    for _ in range(loops):
        u = [1] * DEFAULT_N

        for dummy in range(3):
            v = eval_AtA_times_u(u)
            u = eval_AtA_times_u(v)

        vBv = vv = 0

        for ue, ve in zip(u, v):
            vBv += ue * ve
            vv += ve * ve
    return (vBv / vv) ** 0.5


print("%.9f" % bench_spectral_norm(1))
