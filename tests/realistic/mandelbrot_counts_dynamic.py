"""Mandelbrot escape counts with complex numbers, rows under `schedule(dynamic, 1)`
written into a 2-D list, a histogram of counts under atomic, and the area estimate
as a reduction."""

W, H, MAXIT = 48, 32, 60
counts = [[0] * W for _ in range(H)]
hist = [0] * (MAXIT + 1)
inside = 0

# omp parallel for schedule(dynamic, 1) reduction(+:inside)
for y in range(H):
    for x in range(W):
        c = complex(-2.0 + 2.6 * x / W, -1.2 + 2.4 * y / H)
        z = 0j
        n = 0
        while abs(z) <= 2 and n < MAXIT:
            z = z * z + c
            n += 1
        counts[y][x] = n
        # omp atomic
        hist[n] += 1
        if n == MAXIT:
            inside += 1

print(inside, round(inside * 2.6 * 2.4 / (W * H), 6))
print(hist[:10], hist[-1])
print("".join("#" if v == MAXIT else "." for v in counts[H // 2]))
