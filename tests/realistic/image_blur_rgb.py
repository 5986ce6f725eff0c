"""A box blur on an image stored as a list of rows of (r, g, b) tuples: each output row
computed by one iteration from the input image."""

H, W = 30, 40
img = [[((x * 7) % 256, (y * 11) % 256, ((x + y) * 5) % 256) for x in range(W)] for y in range(H)]
out = [[None] * W for _ in range(H)]

# omp parallel for
for y in range(H):
    for x in range(W):
        acc = [0, 0, 0]
        n = 0
        for dy in (-1, 0, 1):
            for dx in (-1, 0, 1):
                yy, xx = y + dy, x + dx
                if 0 <= yy < H and 0 <= xx < W:
                    p = img[yy][xx]
                    acc[0] += p[0]
                    acc[1] += p[1]
                    acc[2] += p[2]
                    n += 1
        out[y][x] = (acc[0] // n, acc[1] // n, acc[2] // n)

print(out[0][:3], out[H - 1][W - 1], sum(p[1] for row in out for p in row))
