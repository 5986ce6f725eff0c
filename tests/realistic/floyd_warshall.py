"""Floyd-Warshall all-pairs shortest paths on a list of lists: the k loop is
sequential inside one region, the i loop is a `for` (row k does not change in step
k, so the rows are independent)."""

N = 40
INF = 10 ** 9
dist = [[0 if i == j else ((i * 7 + j * 3) % 19 + 1 if (i + j) % 3 else INF) for j in range(N)]
        for i in range(N)]

# omp parallel
for k in range(N):
    # omp for
    for i in range(N):
        dik = dist[i][k]
        row_i = dist[i]
        row_k = dist[k]
        for j in range(N):
            if dik + row_k[j] < row_i[j]:
                row_i[j] = dik + row_k[j]

print(sum(map(sum, dist)), dist[0][:10], max(max(r) for r in dist))
