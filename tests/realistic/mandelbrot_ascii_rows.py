"""Rosetta-code ASCII Mandelbrot: rows computed by `parallel for schedule(dynamic)`,
stored by index, and a count of points inside by reduction."""

W, H, MAXIT = 60, 24, 60
rows = [None] * H
inside = 0

# omp parallel for schedule(dynamic) reduction(+:inside)
for y in range(H):
    line = []
    for x in range(W):
        c = complex(-2.2 + 3.0 * x / W, -1.2 + 2.4 * y / H)
        z = 0j
        n = 0
        while abs(z) <= 2 and n < MAXIT:
            z = z * z + c
            n += 1
        line.append(" .:-=+*#%@"[n % 10] if n < MAXIT else "@")
        inside += n == MAXIT
    rows[y] = "".join(line)

print("\n".join(rows[8:12]))
print(inside)
