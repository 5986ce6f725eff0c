"""OpenMP Examples linear_in_loop.1: `j` advances by one every iteration of a loop
that steps by two, declared `linear(j:1)`; `b[j] = a[i] * 2` then `j += 1`."""

N = 100
a = [float(i + 1) for i in range(N)]
b = [0.0] * (N // 2)
j = 0

# omp parallel
# omp for linear(j:1)
for i in range(0, N, 2):
    b[j] = a[i] * 2.0
    j += 1
# omp end parallel

print(j, b[0], b[j - 1])
