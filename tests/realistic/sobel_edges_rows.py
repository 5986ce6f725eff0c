"""A Sobel edge filter on an image held as a list of bytearrays: each output row built
by one iteration (`schedule(guided)`), then a threshold count as a reduction."""

W, H = 64, 40
img = [bytearray((x * 4 + y * 3 + (40 if (x - 30) ** 2 + (y - 20) ** 2 < 100 else 0)) % 256
                 for x in range(W)) for y in range(H)]
edges = [bytearray(W) for _ in range(H)]

# omp parallel for schedule(guided)
for y in range(1, H - 1):
    up, row, down = img[y - 1], img[y], img[y + 1]
    out = edges[y]
    for x in range(1, W - 1):
        gx = (up[x + 1] + 2 * row[x + 1] + down[x + 1]) - (up[x - 1] + 2 * row[x - 1] + down[x - 1])
        gy = (down[x - 1] + 2 * down[x] + down[x + 1]) - (up[x - 1] + 2 * up[x] + up[x + 1])
        out[x] = min(255, int((gx * gx + gy * gy) ** 0.5))

strong = 0
# omp parallel for reduction(+:strong)
for y in range(H):
    strong += sum(1 for v in edges[y] if v > 100)
print(strong, bytes(edges[20][25:40]).hex())
