"""OpenMP Examples fort_loopvar/ploop shapes: a `parallel for private(j, tmp)` over
rows with an inner loop variable and a temporary, then `lastprivate(i, tmp)` read
after the loop."""

N = 30
a = [[0] * N for _ in range(N)]
tmp = -1
j = -1

# omp parallel for private(j, tmp)
for i in range(N):
    tmp = i * 2
    for j in range(N):
        a[i][j] = tmp + j

# omp parallel for lastprivate(i, tmp)
for i in range(N):
    tmp = sum(a[i]) % 97

print(sum(map(sum, a)), i, tmp, a[5][:4])
