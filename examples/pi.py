"""Numerical integration of 4/(1+x^2) over [0, 1]: an approximation of pi.

Run it sequentially (the pragma is a comment):

    python examples/pi.py [n]

or in parallel on a team of forked workers:

    omppy run examples/pi.py [n]            # OMP_NUM_THREADS=2 omppy run ... to pick the team

Both print the same value (up to floating-point reassociation of the sum, which
is why it is printed rounded to 12 significant digits). Timing goes to stderr.
"""

import sys
import time


def compute_pi(n):
    """Midpoint rule with n intervals."""
    h = 1.0 / n
    s = 0.0
    # omp parallel for reduction(+:s)
    for i in range(n):
        x = h * (i + 0.5)
        s += 4.0 / (1.0 + x * x)
    return s * h


def main(argv):
    n = int(argv[1]) if len(argv) > 1 else 2_000_000
    start = time.perf_counter()
    pi = compute_pi(n)
    elapsed = time.perf_counter() - start
    print(f"pi ~= {pi:.12g} (n={n})")
    print(f"compute_pi: {elapsed:.3f} s", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv)
