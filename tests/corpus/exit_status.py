"""A program that ends with `sys.exit(3)` after a parallel region: the output
before it and the exit status must match plain Python."""

import sys


def main():
    n = 40
    s = 0
    # omp parallel for reduction(+:s)
    for i in range(n):
        s += i * i
    print("sum", s)
    sys.stdout.flush()
    sys.exit(3)


if __name__ == "__main__":
    main()
