"""Red-black Gauss-Seidel on a 2-D list grid: red points updated in one `for`, black
points in the next (each reads only the other colour), inside one region, for a
number of sweeps; the residual reduced at the end."""

N = 18
u = [[0.0] * N for _ in range(N)]
f = [[1.0 if (i - N // 2) ** 2 + (j - N // 2) ** 2 < 9 else 0.0 for j in range(N)] for i in range(N)]
h2 = 1.0 / (N - 1) ** 2

# omp parallel
if True:
    for sweep in range(20):
        for colour in (0, 1):
            # omp for
            for i in range(1, N - 1):
                for j in range(1 + (i + colour) % 2, N - 1, 2):
                    u[i][j] = 0.25 * (u[i - 1][j] + u[i + 1][j] + u[i][j - 1] + u[i][j + 1] + h2 * f[i][j])

res = 0.0
# omp parallel for reduction(max:res)
for i in range(1, N - 1):
    for j in range(1, N - 1):
        r = abs(4 * u[i][j] - u[i - 1][j] - u[i + 1][j] - u[i][j - 1] - u[i][j + 1] - h2 * f[i][j])
        res = max(res, r)
print(round(res, 12), round(sum(map(sum, u)), 9))
