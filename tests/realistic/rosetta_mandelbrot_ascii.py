# Source: Rosetta Code, "Mandelbrot set", Python (the ASCII version with complex numbers)
# (rosettacode.org/wiki/Mandelbrot_set#Python)
"""Rosetta Code's ASCII Mandelbrot set in Python, ported: the iteration `z = z*z +
c` in a function and the character table as in the task; the nested
comprehension that builds the rows becomes a `parallel for schedule(dynamic)` over
the rows, each storing its own line into a list made before the loop, printed
after."""


def mandelbrot(a):
    z = 0
    for _ in range(50):
        z = z * z + a
        if abs(z) > 2:
            return False
    return True


def main():
    ys = [y * 0.1 for y in range(10, -11, -1)]
    rows = [None] * len(ys)
    # omp parallel for schedule(dynamic)
    for k in range(len(ys)):
        y = ys[k]
        rows[k] = ''.join('*' if mandelbrot(complex(x * 0.05, y)) else ' '
                          for x in range(-42, 12))
    print('\n'.join(rows))


main()
