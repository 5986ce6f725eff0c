# Source: github.com/OpenMP/Examples, program_control/sources/reproducible.1.c
"""OpenMP Examples reproducible.1, ported: a `parallel for order(concurrent)`, a
`parallel for ordered` with the running sum in `ordered`, then a `threadprivate`
sum with `copyin(sum)` added to by a `parallel for`.  The example prints each
thread's partial sum; here each thread adds its partial to a shared total under
`critical` in the last region, and the total is printed."""

sum_ = 0
# omp threadprivate(sum_)

n = 1000
v = [0] * n
u = [0] * n

# omp parallel for order(concurrent)
for i in range(n):
    u[i] = i
    v[i] = i
    v[i] += u[i] * u[i]

# omp parallel for ordered
for i in range(1, n):
    v[i] += u[i] * u[i]
    # omp ordered
    v[i] += v[i - 1]
    # omp end ordered

sum_ = 0
# omp parallel for copyin(sum_)
for i in range(n):
    sum_ += v[i]

total = 0
# omp parallel
# omp critical
total += sum_
# omp end critical
# omp end parallel

print("v[n-1] =", v[n - 1], "total =", total)
