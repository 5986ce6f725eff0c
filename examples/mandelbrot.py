"""Mandelbrot set escape counts, one row per loop iteration, dynamically scheduled.

Run it sequentially (the pragma is a comment):

    python examples/mandelbrot.py [--width W] [--height H] [--max-iter M] [--output img.pgm]

or in parallel on a team of forked workers:

    omppy run examples/mandelbrot.py [same options]

Rows near the middle of the picture cost far more than rows at the edges, so the
rows are handed out one at a time (``schedule(dynamic)``) rather than in equal
blocks.  The escape counts go into a numpy array; under omppy the array is moved
into shared memory for the region, so every worker's rows reach the master.  Both
runs print the same checksum; ``--output`` also writes the picture as a PGM file.
``--rows`` builds each row as a list and stores it with one ``out[i] = row``: the
same picture with far fewer stores into the shared array (see docs/benchmarks.md).
Timing goes to stderr.
"""

import argparse
import sys
import time

import numpy as np


def mandelbrot(width, height, max_iter, x0=-2.0, x1=0.6, y0=-1.2, y1=1.2):
    """An int32 array (height, width) of escape counts (max_iter: never escaped)."""
    out = np.zeros((height, width), dtype=np.int32)
    dx = (x1 - x0) / width
    dy = (y1 - y0) / height
    # omp parallel for schedule(dynamic)
    for i in range(height):
        ci = y0 + (i + 0.5) * dy
        for j in range(width):
            c = complex(x0 + (j + 0.5) * dx, ci)
            z = 0j
            count = 0
            while count < max_iter and z.real * z.real + z.imag * z.imag <= 4.0:
                z = z * z + c
                count += 1
            out[i, j] = count
    return out


def mandelbrot_rows(width, height, max_iter, x0=-2.0, x1=0.6, y0=-1.2, y1=1.2):
    """The same picture, built a row at a time: one array store per row, not per pixel."""
    out = np.zeros((height, width), dtype=np.int32)
    dx = (x1 - x0) / width
    dy = (y1 - y0) / height
    # omp parallel for schedule(dynamic)
    for i in range(height):
        ci = y0 + (i + 0.5) * dy
        row = []
        for j in range(width):
            c = complex(x0 + (j + 0.5) * dx, ci)
            z = 0j
            count = 0
            while count < max_iter and z.real * z.real + z.imag * z.imag <= 4.0:
                z = z * z + c
                count += 1
            row.append(count)
        out[i] = row
    return out


def checksum(counts):
    """A deterministic summary of the picture: total, and a position-weighted sum."""
    weights = np.arange(1, counts.size + 1, dtype=np.int64).reshape(counts.shape) % 1009
    return int(counts.sum(dtype=np.int64)), int((counts.astype(np.int64) * weights).sum())


def write_pgm(path, counts, max_iter):
    """Escape counts as a binary greyscale image (never-escaped points are black)."""
    scaled = (255 * (1.0 - counts / max_iter) ** 3).astype(np.uint8)
    with open(path, "wb") as handle:
        handle.write(b"P5\n%d %d\n255\n" % (counts.shape[1], counts.shape[0]))
        handle.write(scaled.tobytes())


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--width", type=int, default=400)
    parser.add_argument("--height", type=int, default=300)
    parser.add_argument("--max-iter", type=int, default=200)
    parser.add_argument(
        "--rows",
        action="store_true",
        help="store a row at a time (out[i] = row) instead of per pixel",
    )
    parser.add_argument("--output", help="write the picture to this PGM file")
    args = parser.parse_args(argv)
    compute = mandelbrot_rows if args.rows else mandelbrot
    start = time.perf_counter()
    counts = compute(args.width, args.height, args.max_iter)
    elapsed = time.perf_counter() - start
    total, weighted = checksum(counts)
    print(
        f"mandelbrot {args.width}x{args.height} max_iter={args.max_iter}: "
        f"sum={total} weighted={weighted}"
    )
    print(f"mandelbrot: {elapsed:.3f} s", file=sys.stderr)
    if args.output:
        write_pgm(args.output, counts, args.max_iter)


if __name__ == "__main__":
    main()
