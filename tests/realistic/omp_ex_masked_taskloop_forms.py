# Source: github.com/OpenMP/Examples, tasking/sources/parallel_masked_taskloop.1.c
"""OpenMP Examples parallel_masked_taskloop.1, ported: the same loop three ways --
`parallel` + `masked` + `taskloop`, the combined `parallel masked taskloop`, and
`parallel masked taskloop simd` -- over module-level lists; prints c[0] and c[N-1]
(0 and 495, as the example says)."""

N = 100

a = [0] * N
b = [i for i in range(N)]
c = [i for i in range(N)]

# omp parallel
# omp masked
# omp taskloop
for i in range(N):
    a[i] = b[i] + c[i]
# omp end masked
# omp end parallel

# omp parallel masked taskloop
for i in range(N):
    b[i] = a[i] + c[i]

# omp parallel masked taskloop simd
for i in range(N):
    c[i] = a[i] + b[i]

print(" %d %d" % (c[0], c[N - 1]))
