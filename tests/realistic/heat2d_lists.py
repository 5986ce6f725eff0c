"""2-D heat diffusion on a list of lists: interior rows updated in a `for`, the two
grids swapped by a `single` at the end of each step, inside one parallel region."""

N = 30
cur = [[0.0] * N for _ in range(N)]
for j in range(N):
    cur[0][j] = 100.0
nxt = [row[:] for row in cur]
step = 0

# omp parallel
while step < 40:
    # omp for
    for i in range(1, N - 1):
        up, mid, down, out = cur[i - 1], cur[i], cur[i + 1], nxt[i]
        for j in range(1, N - 1):
            out[j] = 0.25 * (up[j] + down[j] + mid[j - 1] + mid[j + 1])
    # omp single
    cur, nxt = nxt, cur
    step += 1
    # omp end single

print(step, round(sum(map(sum, cur)), 6), [round(v, 4) for v in cur[1][:5]])
