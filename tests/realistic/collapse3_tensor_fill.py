"""`collapse(3)` over a 3-D tensor as nested lists, with `schedule(dynamic, 5)`; then
`collapse(2)` with a reduction over a triangular-free rectangular nest."""

nx, ny, nz = 4, 5, 6
t = [[[0] * nz for _ in range(ny)] for _ in range(nx)]

# omp parallel for collapse(3) schedule(dynamic, 5)
for i in range(nx):
    for j in range(ny):
        for k in range(nz):
            t[i][j][k] = i * 100 + j * 10 + k

total = 0
# omp parallel for collapse(2) reduction(+:total)
for i in range(nx):
    for j in range(ny):
        total += sum(t[i][j]) * (i + 1)

print(t[3][4], t[1][2][3], total)
