"""Conway's game of life on a list of lists with two buffers: each generation a `for`
fills `nxt` from `cur`, a `single` swaps them and counts the generation."""

H, W = 24, 24
cur = [[0] * W for _ in range(H)]
for (r, c) in [(1, 2), (2, 3), (3, 1), (3, 2), (3, 3), (10, 10), (10, 11), (10, 12),
               (15, 5), (15, 6), (16, 5), (16, 6), (20, 20), (20, 21), (21, 20)]:
    cur[r][c] = 1
nxt = [[0] * W for _ in range(H)]
generation = 0

# omp parallel
while generation < 30:
    # omp for
    for r in range(H):
        for c in range(W):
            n = 0
            for dr in (-1, 0, 1):
                for dc in (-1, 0, 1):
                    if dr or dc:
                        n += cur[(r + dr) % H][(c + dc) % W]
            nxt[r][c] = 1 if n == 3 or (n == 2 and cur[r][c]) else 0
    # omp single
    cur, nxt = nxt, cur
    generation += 1
    # omp end single

print(generation, sum(map(sum, cur)))
for row in cur[:12]:
    print("".join(".#"[v] for v in row))
